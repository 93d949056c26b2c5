package jp.madoguchi.application.service;

import java.text.Normalizer;

import jp.madoguchi.domain.resident.PersonName;

/**
 * Tolerant comparison of names and addresses from different sources (card, registry, forms): spaces, widths
 * and variation selectors do not count. The stored text is never changed; only copies are compared.
 */
final class TextMatching {

    private TextMatching() {
    }

    static boolean sameName(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    static boolean sameAddress(String a, String b) {
        return addressKey(a).equals(addressKey(b));
    }

    static String normalise(String text) {
        String base = PersonName.withoutVariationSelectors(text);
        return Normalizer.normalize(base, Normalizer.Form.NFKC).replaceAll("[\\s\u3000]", "");
    }

    /** 丁目 and 番/号 written as numbers or hyphens compare equal: 一丁目1番2号 ≈ 1-1-2. */
    static String addressKey(String text) {
        String key = normalise(text)
                .replace("一丁目", "1-").replace("二丁目", "2-").replace("三丁目", "3-")
                .replace("四丁目", "4-").replace("五丁目", "5-")
                .replaceAll("丁目|番地|番|の", "-").replace("号", "")
                .replaceAll("[‐－―ー−]", "-");
        return key.replaceAll("-+", "-").replaceAll("-$", "");
    }
}
