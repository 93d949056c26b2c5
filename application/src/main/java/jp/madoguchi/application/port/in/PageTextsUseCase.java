package jp.madoguchi.application.port.in;

import java.util.Optional;

import jp.madoguchi.domain.language.Language;
import jp.madoguchi.domain.language.Readings;

/**
 * The words the pages are written in: the citizen's texts in one language (a procedure's name as the guidance
 * sheet has it), the staff pages' Japanese texts, a counter's name, and the readings for ふりがな.
 */
public interface PageTextsUseCase {

    /** The language's own text for the key, without falling back to another language. */
    Optional<String> citizenText(Language language, String key);

    Optional<String> staffText(String key);

    /** A department's counter in the language (市民課 → Citizen Affairs Division); its own name when none is known. */
    String counterName(String departmentCode, String japaneseName, Language language);

    Readings readings();
}
