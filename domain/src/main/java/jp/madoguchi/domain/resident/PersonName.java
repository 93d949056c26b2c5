package jp.madoguchi.domain.resident;

import java.util.Objects;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 氏名 with its readings: 氏名 and フリガナ, 旧氏 and its フリガナ, 通称 (foreigners only) and its フリガナ, and
 * the alphabet name of a foreigner (氏名英字).
 *
 * <p>Names are kept code point for code point as the registry delivered them: non-BMP kanji (𠮷) and
 * ideographic variation sequences (葛 + U+E0100…, MJ variants) are data. Nothing here normalises; matching
 * code uses {@link #withoutVariationSelectors(String)} on a copy.
 */
public record PersonName(
        String name,
        String nameKana,
        String formerSurname,
        String formerSurnameKana,
        String alias,
        String aliasKana,
        String alphabetName) {

    public PersonName {
        requireText(name, "氏名");
        requireWellFormed(name, "氏名");
        name = name.strip();
        nameKana = optionalKana(nameKana, "氏名フリガナ");
        formerSurname = optionalText(formerSurname, "旧氏");
        formerSurnameKana = optionalKana(formerSurnameKana, "旧氏フリガナ");
        alias = optionalText(alias, "通称");
        aliasKana = optionalKana(aliasKana, "通称フリガナ");
        alphabetName = optionalText(alphabetName, "氏名英字");
        if (formerSurnameKana != null && formerSurname == null) {
            throw new Rejection("resident.person-name", "旧氏がないのに旧氏フリガナがあります");
        }
        if (aliasKana != null && alias == null) {
            throw new Rejection("resident.person-name", "通称がないのに通称フリガナがあります");
        }
    }

    public static PersonName of(String name, String nameKana) {
        return new PersonName(name, nameKana, null, null, null, null, null);
    }

    public PersonName withFormerSurname(String surname, String kana) {
        return new PersonName(name, nameKana, surname, kana, alias, aliasKana, alphabetName);
    }

    public PersonName withAlias(String aliasName, String kana) {
        return new PersonName(name, nameKana, formerSurname, formerSurnameKana, aliasName, kana, alphabetName);
    }

    public PersonName withAlphabetName(String alphabet) {
        return new PersonName(name, nameKana, formerSurname, formerSurnameKana, alias, aliasKana, alphabet);
    }

    /** Number of Unicode code points of the name (a non-BMP kanji counts once, a variation selector once). */
    public int nameCodePointCount() {
        return name.codePointCount(0, name.length());
    }

    /** True when the name carries at least one ideographic variation selector (U+E0100–U+E01EF). */
    public boolean hasVariationSelectors() {
        return name.codePoints().anyMatch(PersonName::isIdeographicVariationSelector);
    }

    /** The text with its ideographic variation selectors removed: the base characters, for matching only. */
    public static String withoutVariationSelectors(String text) {
        StringBuilder base = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> !isIdeographicVariationSelector(cp) && !isStandardVariationSelector(cp))
                .forEach(base::appendCodePoint);
        return base.toString();
    }

    static boolean isIdeographicVariationSelector(int codePoint) {
        return codePoint >= 0xE0100 && codePoint <= 0xE01EF;
    }

    static boolean isStandardVariationSelector(int codePoint) {
        return codePoint >= 0xFE00 && codePoint <= 0xFE0F;
    }

    private static void requireText(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new Rejection("resident.person-name", label + "がありません");
        }
    }

    private static String optionalText(String value, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        requireWellFormed(value, label);
        return value.strip();
    }

    private static String optionalKana(String value, String label) {
        String kana = optionalText(value, label);
        if (kana != null && !isKatakana(kana)) {
            throw new Rejection("resident.person-name", label + "はカタカナで入力してください: " + kana);
        }
        return kana;
    }

    /** 全角カタカナ, 長音, 中点 and spaces: how 住記 holds readings (標準仕様 1.1.18). */
    static boolean isKatakana(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);   // every allowed character is in the BMP: a surrogate is refused as it is
            boolean allowed = (c >= 0x30A1 && c <= 0x30FA) // ァ..ヺ
                    || c == 0x30FC // ー
                    || c == 0x30FB // ・
                    || c == 0x3000 // 全角空白
                    || c == ' ';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rejects text the registry cannot hold: unpaired surrogates, control characters and a variation selector
     * with no base character before it. Everything else, including private-use MJ+ characters, is kept.
     */
    private static void requireWellFormed(String text, String label) {
        Objects.requireNonNull(text);
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isSurrogate((char) cp) && Character.charCount(cp) == 1) {
                throw new Rejection("resident.person-name", label + "に不正な文字（サロゲートの片割れ）があります");
            }
            if (Character.isISOControl(cp)) {
                throw new Rejection("resident.person-name", label + "に制御文字があります");
            }
            if ((isIdeographicVariationSelector(cp) || isStandardVariationSelector(cp))
                    && (previous == -1 || Character.isWhitespace(previous) || previous == 0x3000)) {
                throw new Rejection("resident.person-name", label + "の異体字セレクタの前に文字がありません");
            }
            previous = cp;
            i += Character.charCount(cp);
        }
    }
}
