package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FieldDictionary;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.shared.Rejection;

/**
 * What a clerk types for a question, checked by the field's type before it fills any form: a date is a real date
 * (2026-11-22 or 令和8年11月22日, stored as 2026-11-22 and printed in 和暦), a number is digits (全角 too).
 * Refusals name the field and say how to write it; the value typed is not repeated (it may be anything).
 */
final class AnswerFormat {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

    private final EraTable eras;

    AnswerFormat(EraTable eras) {
        this.eras = eras;
    }

    /**
     * Every answer checked, all or nothing: the normalised answers (blank ones left out), or one refusal naming
     * every field to correct.
     */
    Map<String, String> checkAll(FieldDictionary dictionary, Map<String, String> answers) {
        Map<String, String> checked = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        answers.forEach((key, value) -> {
            FieldDefinition field = dictionary.find(key).filter(f -> f.source() == FieldDefinition.Source.ANSWER)
                    .orElseThrow(() -> new Rejection("answer.not-a-question", "「" + key + "」は聞き取りの項目ではありません"));
            if (value != null && !value.isBlank()) {
                try {
                    checked.put(field.key(), normalise(field, value));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new Rejection("answer.invalid", String.join("。", problems));
        }
        return checked;
    }

    String normalise(FieldDefinition field, String typed) {
        String value = typed.strip();
        // no form question asks for a 個人番号; one typed into the wrong field is refused, never stored or printed
        Matcher twelve = TWELVE_DIGITS.matcher(toAsciiDigits(value).replaceAll("[\\s-]", ""));
        while (twelve.find()) {
            if (IndividualNumber.isValid(twelve.group())) {
                throw new Rejection("answer.individual-number-refused", field.key() + "の欄に個人番号は入力できません");
            }
        }
        switch (field.type()) {
            case DATE:
                return date(field, value).toString();
            case CHOICE:
                if (!field.choices().isEmpty() && !field.choices().contains(value)) {
                    throw new Rejection("answer.choice", field.key() + "は「" + String.join("」「", field.choices())
                            + "」から選んでください");
                }
                return value;
            case NUMBER:
                String digits = toAsciiDigits(value);
                if (!digits.matches("\\d{1,6}")) {
                    throw new Rejection("answer.number-format", field.key() + "は数字で入力してください（例: 2）");
                }
                return String.valueOf(Integer.parseInt(digits));
            default:
                if (value.length() > 200) {
                    throw new Rejection("answer.too-long", field.key() + "は200字までで入力してください");
                }
                return value;
        }
    }

    private LocalDate date(FieldDefinition field, String value) {
        try {
            return LocalDate.parse(toAsciiDigits(value));
        } catch (DateTimeParseException notIso) {
            return WarekiDate.parse(value, eras).toLocalDate().orElseThrow(() -> new Rejection("answer.date-format",
                    field.key() + "は 2026-11-22 か 令和8年11月22日 の形で、実在する日付を入力してください"));
        }
    }

    private static String toAsciiDigits(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> ascii.appendCodePoint(cp >= '０' && cp <= '９' ? cp - '０' + '0'
                : cp == '－' || cp == 'ー' ? '-' : cp));
        return ascii.toString();
    }
}
