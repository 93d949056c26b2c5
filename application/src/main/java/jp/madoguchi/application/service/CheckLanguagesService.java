package jp.madoguchi.application.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.in.CheckLanguagesUseCase;
import jp.madoguchi.application.port.out.CitizenTexts;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.domain.language.Readings;
import jp.madoguchi.domain.procedure.Procedure;

/**
 * Compares every language with what the citizen's screens may show: the Japanese file's keys, the items the review
 * shows, the questions a touch answers and their choices, where a value comes from, and every procedure's name
 * (from the language's guidance sheet file, or its message file). やさしい日本語 shows the data in Japanese with
 * furigana, so only its own texts are compared.
 */
public final class CheckLanguagesService implements CheckLanguagesUseCase {

    /** The sources the review names (VisitContent). */
    static final List<String> SOURCES = List.of("住民記録", "転出証明書", "マイナンバーカード", "あなたの回答");

    private final CitizenTexts texts;
    private final FormCatalogue forms;
    private final ProcedureCatalogue procedures;
    private final GuidanceCatalogue guidance;

    public CheckLanguagesService(CitizenTexts texts, FormCatalogue forms, ProcedureCatalogue procedures,
                                 GuidanceCatalogue guidance) {
        this.texts = texts;
        this.forms = forms;
        this.procedures = procedures;
        this.guidance = guidance;
    }

    @Override
    public List<MissingText> missing() {
        Map<String, String> fixed = new LinkedHashMap<>();
        texts.keys(Language.JAPANESE).stream().sorted()
                .forEach(key -> fixed.put(key, texts.text(Language.JAPANESE, key).orElse(key)));
        Map<String, String> data = dataKeys();
        List<MissingText> missing = new ArrayList<>();
        for (Language language : Language.values()) {
            if (language == Language.JAPANESE) {
                continue;
            }
            fixed.forEach((key, japanese) -> {
                if (texts.text(language, key).isEmpty()) {
                    missing.add(new MissingText(language, key, japanese, texts.cityFile(language)));
                }
            });
            if (language == Language.EASY_JAPANESE) {
                missing.addAll(unread(fixed.keySet(), data));
                continue;
            }
            data.forEach((key, japanese) -> {
                if (texts.text(language, key).isEmpty()) {
                    missing.add(new MissingText(language, key, japanese, texts.cityFile(language)));
                }
            });
            for (Procedure procedure : procedures.all()) {
                String key = "procedure." + procedure.code();
                if (texts.text(language, key).isEmpty() && guidance.procedure(procedure.code(), language.code()).isEmpty()) {
                    missing.add(new MissingText(language, key, procedure.name(), texts.cityFile(language)));
                }
            }
        }
        return List.copyOf(missing);
    }

    /**
     * やさしい日本語 reads every kanji: its own texts, and the data it shows in Japanese (items, questions, choices,
     * procedure and department names). A kanji without a reading is reported under {@code ふりがな.<漢字>}.
     */
    private List<MissingText> unread(Iterable<String> keys, Map<String, String> data) {
        Readings readings = PageTextsService.readingsOf(guidance);
        Map<String, String> where = new LinkedHashMap<>();
        List<String> shown = new ArrayList<>();
        for (String key : keys) {
            texts.text(Language.EASY_JAPANESE, key).ifPresent(shown::add);
        }
        data.forEach((key, japanese) -> shown.add(texts.text(Language.EASY_JAPANESE, key).orElse(japanese)));
        procedures.all().forEach(p -> shown.add(p.name()));
        procedures.departments().forEach(d -> shown.add(d.name()));
        for (String text : shown) {
            readings.unread(text).forEach(kanji -> where.putIfAbsent(kanji, text));
        }
        List<MissingText> missing = new ArrayList<>();
        where.forEach((kanji, text) -> missing.add(new MissingText(Language.EASY_JAPANESE, "ふりがな." + kanji, text,
                "furigana.tsv")));
        return missing;
    }

    /** The data a citizen's page puts into words, by key, with its Japanese. */
    private Map<String, String> dataKeys() {
        Map<String, String> data = new LinkedHashMap<>();
        for (FieldDefinition field : forms.dictionary().all()) {
            switch (field.source()) {
                case RESIDENT, HOUSEHOLD, CARD -> data.put("field." + field.key(), field.key());
                case ANSWER -> {
                    data.put("field." + field.key(), field.key());
                    if (askedByTouch(field)) {
                        data.put("question." + field.key(), field.question().replaceFirst("（[^（）]*）$", ""));
                        field.choices().forEach(choice -> data.put("choice." + choice, choice));
                    }
                }
                default -> {
                }
            }
        }
        SOURCES.forEach(source -> data.put("source." + source, source));
        return data;
    }

    /** The questions the kiosk asks (KioskHearingService): a choice, a number or a date. */
    private static boolean askedByTouch(FieldDefinition field) {
        return field.type() == FieldDefinition.Type.DATE || field.type() == FieldDefinition.Type.NUMBER
                || field.type() == FieldDefinition.Type.CHOICE && !field.choices().isEmpty();
    }
}
