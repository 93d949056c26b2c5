package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.domain.language.Language;

/**
 * 言語ファイルの点検: which texts a citizen's screens would show in Japanese for want of a translation — a key of the
 * Japanese file a language lacks, or data a city added (an item in the field dictionary, a choice, a procedure)
 * with no words in that language yet. Shipped languages have none (a test says so); a city's own files and its
 * own data are checked the same way.
 */
public interface CheckLanguagesUseCase {

    List<MissingText> missing();

    /**
     * @param japanese what the screen shows instead
     * @param cityFile where the city writes the text
     */
    record MissingText(Language language, String key, String japanese, String cityFile) {
    }
}
