package jp.madoguchi.adapters.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.domain.procedure.LifeEvent;

/**
 * The guidance sheet's words, read once from the master files next to this class: {@code guidance-<言語>.tsv} per
 * language, {@code departments.tsv} (counter names, places and visiting order), {@code sheet-labels.tsv},
 * {@code questions.tsv} and {@code furigana.tsv}. A new language is a new guidance file and a column in the others.
 */
@Singleton
public class ClasspathGuidanceCatalogue implements GuidanceCatalogue {

    /** The sheet's languages, in the order of the columns of departments.tsv and sheet-labels.tsv. */
    private static final List<String> LANGUAGES = List.of("ja", "en", "zh", "ko", "vi", "pt");

    /** Code, the Japanese name, order and place, then a name and a place per other language. */
    static final int DEPARTMENT_COLUMNS = 4 + 2 * (LANGUAGES.size() - 1);

    private final Map<String, ProcedureGuide> procedures = new HashMap<>();
    private final Map<String, CounterGuide> counters = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final List<HearingQuestion> questions = new ArrayList<>();
    private final List<Reading> readings = new ArrayList<>();

    public ClasspathGuidanceCatalogue() {
        for (String language : LANGUAGES) {
            for (TabFile.Row r : TabFile.read("guidance-" + language + ".tsv", 6)) {
                procedures.put(language + "/" + r.column(0), new ProcedureGuide(r.column(0), r.column(1), r.column(2),
                        r.column(3), r.column(4), r.column(5)));
            }
        }
        for (TabFile.Row r : TabFile.read("departments.tsv", DEPARTMENT_COLUMNS)) {
            int order = Integer.parseInt(r.column(2));
            counters.put("ja/" + r.column(0), new CounterGuide(r.column(0), r.column(1), order, r.column(3)));
            for (int i = 1; i < LANGUAGES.size(); i++) {
                counters.put(LANGUAGES.get(i) + "/" + r.column(0),
                        new CounterGuide(r.column(0), r.column(2 + 2 * i), order, r.column(3 + 2 * i)));
            }
        }
        for (TabFile.Row r : TabFile.read("sheet-labels.tsv", 1 + LANGUAGES.size())) {
            for (int i = 0; i < LANGUAGES.size(); i++) {
                labels.put(LANGUAGES.get(i) + "/" + r.column(0), r.column(1 + i));
            }
        }
        for (TabFile.Row r : TabFile.read("questions.tsv", 6)) {
            Set<LifeEvent> events = new LinkedHashSet<>();
            for (String name : r.column(1).split(",")) {
                if (name.strip().equals("*")) {
                    events.addAll(Arrays.asList(LifeEvent.values()));
                } else {
                    events.add(LifeEvent.named(name).orElseThrow(() -> r.problem("ライフイベント「" + name + "」はありません")));
                }
            }
            List<String> choices = Arrays.stream(r.column(4).split(",")).map(String::strip).toList();
            if (!choices.contains(r.column(5))) {
                throw r.problem("既定の答え「" + r.column(5) + "」が選択肢にありません");
            }
            questions.add(new HearingQuestion(r.column(0), events, r.column(2), r.column(3), choices, r.column(5)));
        }
        for (TabFile.Row r : TabFile.read("furigana.tsv", 2)) {
            readings.add(new Reading(r.column(0), r.column(1)));
        }
        readings.sort(Comparator.comparingInt((Reading r) -> r.word().length()).reversed());
    }

    @Override
    public List<String> languages() {
        return LANGUAGES;
    }

    @Override
    public Optional<ProcedureGuide> procedure(String procedureCode, String language) {
        return Optional.ofNullable(procedures.get(language + "/" + procedureCode));
    }

    @Override
    public CounterGuide counter(String departmentCode, String departmentName, String language) {
        CounterGuide guide = counters.get(language + "/" + departmentCode);
        return guide != null ? guide : new CounterGuide(departmentCode, departmentName, Integer.MAX_VALUE, "");
    }

    @Override
    public String label(String key, String language) {
        String text = labels.get(language + "/" + key);
        return text != null ? text : labels.getOrDefault("ja/" + key, key);
    }

    @Override
    public List<HearingQuestion> questions() {
        return List.copyOf(questions);
    }

    @Override
    public List<Reading> readings() {
        return List.copyOf(readings);
    }
}
