package jp.madoguchi.domain.resident;

import java.text.Normalizer;

/**
 * Keys for tolerant matching of names, kana and addresses that come from different sources (card, registry,
 * linkage files, a clerk's keyboard): spaces, character widths and variation selectors do not count. A key is
 * only ever compared with another key; the stored text itself is never changed.
 */
public final class MatchKey {

    private MatchKey() {
    }

    /** 氏名: base characters (no IVS), NFKC, no spaces. 𠮷 stays 𠮷: it is a different character, not a variant. */
    public static String name(String text) {
        if (text == null) {
            return "";
        }
        // nearly every name and kana is made of characters NFKC leaves alone: one pass, no normaliser
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\u3000') {
                continue;
            }
            if (!isStable(c)) {
                return normalised(text);
            }
            plain.append(c);
        }
        return plain.toString();
    }

    /**
     * Characters that are their own NFKC form and compose with none of these: ASCII letters and digits, ひらがな
     * and カタカナ without the combining or spacing sound marks, the long vowel mark, and the CJK Unified Ideographs
     * block (compatibility ideographs and the extensions outside the BMP take the general path).
     */
    static boolean isStable(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c >= '\u3041' && c <= '\u3096' || c >= '\u30A1' && c <= '\u30FA' || c == '\u30FC'
                || c >= '\u4E00' && c <= '\u9FFF';
    }

    private static String normalised(String text) {
        String base = PersonName.withoutVariationSelectors(text);
        // most names are already NFKC: checking is cheaper than normalising (the import keys a million of them)
        String normal = Normalizer.isNormalized(base, Normalizer.Form.NFKC) ? base : Normalizer.normalize(base, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(normal.length());
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000') {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** The stored 氏名 key of a person: 氏名, and for a foreign resident with a 通称 also that, after a '|'. */
    public static String nameOf(PersonName name) {
        return name.alias() == null ? name(name.name()) : name(name.name()) + "|" + name(name.alias());
    }

    /** The stored フリガナ key of a person: フリガナ, and the 通称's フリガナ after a '|' when there is one. */
    public static String kanaOf(PersonName name) {
        String key = name.nameKana() == null ? "" : kana(name.nameKana());
        return name.aliasKana() == null ? key : key + "|" + kana(name.aliasKana());
    }

    /** フリガナ: as {@link #name}, and ひらがな folded to カタカナ so either may be typed. */
    public static String kana(String text) {
        String key = name(text);
        StringBuilder folded = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            folded.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c);
        }
        return folded.toString();
    }

    /** 住所: 丁目 and 番/号 written as numbers or hyphens compare equal (一丁目1番2号 ≈ 1-1-2). */
    public static String address(String text) {
        String key = name(text)
                .replace("一丁目", "1-").replace("二丁目", "2-").replace("三丁目", "3-")
                .replace("四丁目", "4-").replace("五丁目", "5-")
                .replaceAll("丁目|番地|番|の", "-").replace("号", "")
                .replaceAll("[‐－―ー−]", "-");
        return key.replaceAll("-+", "-").replaceAll("-$", "");
    }

    public static boolean sameName(String a, String b) {
        return name(a).equals(name(b));
    }

    public static boolean sameAddress(String a, String b) {
        return address(a).equals(address(b));
    }
}
