package jp.madoguchi.domain.language;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages a citizen may choose at the kiosk, on the tablet and on the phone (事前入力); the choice stays with
 * the visit and its guidance sheet. やさしい日本語 is Japanese in plain words with furigana over every kanji, for
 * residents who speak Japanese but read little of it.
 *
 * @param code      in cookies, addresses, message file names and the database
 * @param htmlLang  the page's {@code lang}, which screen readers use to choose a voice
 * @param ownName   the language's name in itself, so the one who reads it finds it
 */
public enum Language {
    JAPANESE("ja", "ja", "日本語"),
    EASY_JAPANESE("easy", "ja", "やさしい にほんご"),
    ENGLISH("en", "en", "English"),
    CHINESE("zh", "zh-CN", "简体中文"),
    KOREAN("ko", "ko", "한국어"),
    VIETNAMESE("vi", "vi", "Tiếng Việt"),
    PORTUGUESE("pt", "pt-BR", "Português");

    private final String code;
    private final String htmlLang;
    private final String ownName;

    Language(String code, String htmlLang, String ownName) {
        this.code = code;
        this.htmlLang = htmlLang;
        this.ownName = ownName;
    }

    public String code() {
        return code;
    }

    public String htmlLang() {
        return htmlLang;
    }

    public String ownName() {
        return ownName;
    }

    /** Japanese in either form: dates in 和暦, names of procedures as the registry writes them. */
    public boolean japanese() {
        return this == JAPANESE || this == EASY_JAPANESE;
    }

    /** The locale that carries this language through a request; やさしい日本語 is Japanese with a private-use tag. */
    public Locale locale() {
        return this == EASY_JAPANESE ? Locale.forLanguageTag("ja-x-easy") : Locale.forLanguageTag(htmlLang);
    }

    public static Optional<Language> of(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(l -> l.code.equals(code.strip())).findFirst();
    }

    /** The language a locale stands for: {@code ja-x-easy} is やさしい日本語, {@code zh-CN} and {@code zh} Chinese. */
    public static Optional<Language> of(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        if (locale.getLanguage().equals("ja")) {
            return Optional.of("easy".equals(locale.getExtension(Locale.PRIVATE_USE_EXTENSION)) ? EASY_JAPANESE : JAPANESE);
        }
        return of(locale.getLanguage());
    }
}
