package jp.madoguchi.domain.shared;

import java.util.Objects;

/**
 * 全国地方公共団体コード: 都道府県2桁 + 市区町村3桁 + 検査数字1桁.
 *
 * <p>The check digit is the last digit of 11 − (Σ d·(6,5,4,3,2) mod 11). Remainder 0 therefore gives 1 and
 * remainder 1 gives 0, which matches the published codes (012131 苫小牧市, 012190 紋別市). Every row that holds a
 * city's data carries this code, so one installation can serve several cities.
 */
public record LocalGovernmentCode(String value) {

    public LocalGovernmentCode {
        Objects.requireNonNull(value, "地方公共団体コードがありません");
        if (value.length() != 6 || !Modulus11.isDigits(value)) {
            throw new Rejection("shared.local-government-code", "地方公共団体コードは6桁の数字です: " + value);
        }
        char expected = checkDigitOf(value.substring(0, 5));
        if (value.charAt(5) != expected) {
            throw new Rejection("shared.local-government-code", "地方公共団体コードの検査数字が正しくありません: " + value);
        }
    }

    /** Builds the code from the five-digit 団体コード (without check digit), e.g. {@code 13101} → {@code 131016}. */
    public static LocalGovernmentCode fromFiveDigits(String fiveDigits) {
        if (fiveDigits == null || fiveDigits.length() != 5 || !Modulus11.isDigits(fiveDigits)) {
            throw new Rejection("shared.local-government-code", "団体コードは5桁の数字です: " + fiveDigits);
        }
        return new LocalGovernmentCode(fiveDigits + checkDigitOf(fiveDigits));
    }

    static char checkDigitOf(String fiveDigits) {
        // weights 6,5,4,3,2 from the left are 2..6 counted from the right
        int remainder = Modulus11.remainder(fiveDigits, i -> i + 1);
        return (char) ('0' + (11 - remainder) % 10);
    }

    /** 都道府県コード (JIS X 0401). */
    public String prefectureCode() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
