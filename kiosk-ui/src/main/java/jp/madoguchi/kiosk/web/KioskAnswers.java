package jp.madoguchi.kiosk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers a kiosk page posts. The questions are the forms' own (forms are data), so each arrives as
 * {@code answer.<field>}; a date comes as its 和暦 parts {@code date.<field>.era}, {@code .year}, {@code .month} and
 * {@code .day}, put together here as 令和8年11月22日 for the answer format to check.
 */
record KioskAnswers(Map<String, String> values) {

    static final String ANSWER = "answer.";
    static final String DATE = "date.";

    KioskAnswers {
        values = Map.copyOf(values);
    }

    static KioskAnswers from(Map<String, Object> posted) {
        Map<String, String> answers = new LinkedHashMap<>();
        posted.forEach((name, value) -> {
            if (name.startsWith(ANSWER)) {
                answers.put(name.substring(ANSWER.length()), PostedForm.first(value));
            } else if (name.startsWith(DATE) && name.endsWith(".era")) {
                String key = name.substring(DATE.length(), name.length() - ".era".length());
                String year = PostedForm.first(posted.get(DATE + key + ".year"));
                String month = PostedForm.first(posted.get(DATE + key + ".month"));
                String day = PostedForm.first(posted.get(DATE + key + ".day"));
                answers.put(key, year.isBlank() || month.isBlank() || day.isBlank() ? ""
                        : PostedForm.first(value) + year + "年" + month + "月" + day + "日");
            }
        });
        return new KioskAnswers(answers);
    }

    /** The answers as hidden fields, to carry them from the confirmation to the reception. */
    List<KioskPages.HiddenField> hidden() {
        return values.entrySet().stream().map(e -> new KioskPages.HiddenField(ANSWER + e.getKey(), e.getValue())).toList();
    }
}
