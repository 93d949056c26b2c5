package jp.madoguchi.application.port.out;

import java.util.Optional;
import java.util.Set;

import jp.madoguchi.domain.language.Language;

/**
 * The words of the citizen's screens (kiosk, tablet, phone, slip) per language, from message files shipped with
 * Madoguchi and, key by key over them, the city's own files in its data folder. Keys name what a text is for
 * ({@code home.title}) or the data it translates ({@code field.氏名}, {@code choice.世帯全員}).
 */
public interface CitizenTexts {

    /** The language's own text, without falling back to another language. */
    Optional<String> text(Language language, String key);

    /** Every key the language has (shipped and the city's). */
    Set<String> keys(Language language);

    /** Where a city puts its own file for the language, to show in the report of missing texts. */
    String cityFile(Language language);
}
