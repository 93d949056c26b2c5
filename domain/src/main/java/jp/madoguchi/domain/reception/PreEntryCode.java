package jp.madoguchi.domain.reception;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 事前入力のコード: what the citizen's pre-entry QR says — the city and a random token that refers to the choices
 * they made at home. It never holds personal data, so a screenshot of it tells nothing about its holder.
 */
public record PreEntryCode(LocalGovernmentCode city, String token) {

    public static final String PREFIX = "MADOGUCHI:P:";
    private static final Pattern TEXT = Pattern.compile("MADOGUCHI:P:(\\d{6}):([A-Za-z0-9_-]{22})");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

    public PreEntryCode {
        Objects.requireNonNull(city, "地方公共団体コードがありません");
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new Rejection("reception.pre-entry-code", "事前入力のコードの形式が違います");
        }
    }

    /** The code read from a QR or typed by a handheld scanner; empty when it is not a pre-entry code. */
    public static Optional<PreEntryCode> parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PreEntryCode(new LocalGovernmentCode(m.group(1)), m.group(2)));
        } catch (IllegalArgumentException badCityCode) {
            return Optional.empty();
        }
    }

    public String text() {
        return PREFIX + city.value() + ":" + token;
    }
}
