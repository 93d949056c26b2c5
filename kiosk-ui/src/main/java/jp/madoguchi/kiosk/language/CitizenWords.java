package jp.madoguchi.kiosk.language;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.PageTextsUseCase;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.Procedure;

/**
 * The words of the data a citizen's page shows — procedure and department names, the forms' items, questions and
 * choices, where a value comes from — in the page's language, as {@code words} in every citizen's page. What has no
 * translation yet shows in Japanese; the values themselves (a name, an address, a 和暦 date) are never translated.
 */
public final class CitizenWords {

    private final Language language;
    private final CitizenMessageSource messages;
    private final PageTextsUseCase texts;
    private final Map<String, Procedure> procedures;
    private final Map<String, Department> departments;

    CitizenWords(Language language, CitizenMessageSource messages, PageTextsUseCase texts,
                 ListProceduresUseCase catalogue) {
        this.language = language;
        this.messages = messages;
        this.texts = texts;
        this.procedures = catalogue.everything().stream()
                .collect(Collectors.toMap(Procedure::name, Function.identity(), (a, b) -> a));
        this.departments = catalogue.departments().stream()
                .collect(Collectors.toMap(Department::name, Function.identity(), (a, b) -> a));
    }

    /** A procedure by its name in the master (住民票の写し → Copy of residence record). */
    public String procedure(String japaneseName) {
        Procedure procedure = procedures.get(japaneseName);
        return procedure == null ? japaneseName : text("procedure." + procedure.code(), japaneseName);
    }

    /** Several procedures, joined as the language joins a list. */
    public String procedures(List<String> japaneseNames) {
        return japaneseNames.stream().map(this::procedure).collect(Collectors.joining(separator()));
    }

    /** A department (市民課 → Citizen Affairs Division), from the guidance sheet's counters. */
    public String department(String japaneseName) {
        Department department = departments.get(japaneseName);
        return department == null ? japaneseName : texts.counterName(department.code(), japaneseName, language);
    }

    /** A form's item (氏名 → Name). */
    public String field(String label) {
        return text("field." + label, label);
    }

    /** A question of the forms, by its item; {@code japanese} is the question as the form dictionary asks it. */
    public String question(String key, String japanese) {
        return text("question." + key, japanese);
    }

    /** One of a question's choices (世帯全員 → Everyone in the household); the value posted stays Japanese. */
    public String choice(String value) {
        return text("choice." + value, value);
    }

    /** Where a value comes from (住民記録 → Resident register). */
    public String source(String label) {
        return text("source." + label, label);
    }

    /** A life event in the citizen's words (MARRIAGE → I got married). */
    public String event(String event, String japanese) {
        return text("event." + event, japanese);
    }

    public String separator() {
        return switch (language) {
            case JAPANESE, EASY_JAPANESE -> "、";
            case CHINESE -> "、";
            default -> ", ";
        };
    }

    private String text(String key, String fallback) {
        Optional<String> own = messages.own(language, key);
        if (own.isPresent()) {
            return own.get();
        }
        return language == Language.EASY_JAPANESE
                ? messages.own(Language.JAPANESE, key).orElse(fallback) : fallback;
    }
}
