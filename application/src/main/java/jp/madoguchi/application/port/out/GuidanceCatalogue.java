package jp.madoguchi.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.domain.procedure.LifeEvent;

/**
 * The words of the guidance sheet (手続案内書) per language — what a procedure is, what to bring, the deadline, the
 * fee, where each counter is — and the hearing questions the rules may refer to. All of it is data.
 */
public interface GuidanceCatalogue {

    /** The languages the sheet can be printed in, e.g. ja, en. */
    List<String> languages();

    Optional<ProcedureGuide> procedure(String procedureCode, String language);

    /** A counter's name and place; unknown departments get their plain name and the last place in the order. */
    CounterGuide counter(String departmentCode, String departmentName, String language);

    /** A fixed text of the sheet (title, headings) in a language. */
    String label(String key, String language);

    List<HearingQuestion> questions();

    /** Readings for furigana: word → reading, longest words first. */
    List<Reading> readings();

    /** What a procedure is, in one language. */
    record ProcedureGuide(String code, String name, String description, String bring, String deadline, String fee) {
    }

    /** Where a department's counter is, and its place in the visiting order. */
    record CounterGuide(String code, String name, int order, String place) {
    }

    /** 聞き取りの質問 that rules may name as 回答.key. */
    record HearingQuestion(String key, Set<LifeEvent> events, String question, String questionEn, List<String> choices,
                           String defaultAnswer) {
        public boolean asksFor(LifeEvent event) {
            return events.contains(event);
        }
    }

    /** A word and how to read it (ふりがな). */
    record Reading(String word, String reading) {
    }
}
