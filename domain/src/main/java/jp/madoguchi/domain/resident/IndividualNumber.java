package jp.madoguchi.domain.resident;

import jp.madoguchi.domain.shared.Modulus11;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 個人番号 (My Number): 11 digits and a check digit (総務省令 formula).
 *
 * <p>特定個人情報: {@link #toString()} masks it, so a record that holds one can be logged or shown in an error
 * without leaking it. Only {@link #reveal()} gives the digits, and callers of it must have a permission and
 * an audit entry.
 */
public record IndividualNumber(String digits) {

    private static final String MASK = "************";

    public IndividualNumber {
        if (digits == null || digits.length() != 12 || !Modulus11.isDigits(digits)) {
            // the value itself is never repeated in the message
            throw new Rejection("resident.individual-number", "個人番号は12桁の数字です");
        }
        if (checkDigitOf(digits.substring(0, 11)) != digits.charAt(11)) {
            throw new Rejection("resident.individual-number", "個人番号の検査数字が正しくありません");
        }
    }

    /** Appends the check digit to 11 digits (used by the synthetic-data generator). */
    public static IndividualNumber fromFirstElevenDigits(String elevenDigits) {
        return new IndividualNumber(elevenDigits + checkDigitOf(elevenDigits));
    }

    public static boolean isValid(String digits) {
        try {
            new IndividualNumber(digits);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static char checkDigitOf(String elevenDigits) {
        if (elevenDigits.length() != 11 || !Modulus11.isDigits(elevenDigits)) {
            throw new Rejection("resident.individual-number", "個人番号の上11桁は数字です");
        }
        // P1..P11 from the right; Q = n+1 for n ≤ 6, n−5 for n ≥ 7
        int remainder = Modulus11.remainder(elevenDigits, n -> n <= 6 ? n + 1 : n - 5);
        int check = remainder <= 1 ? 0 : 11 - remainder;
        return (char) ('0' + check);
    }

    /** The twelve digits in clear. Callers are responsible for permission and audit. */
    public String reveal() {
        return digits;
    }

    /** 画面表示用: all twelve digits hidden, the length kept so the field still reads as a 個人番号. */
    public String masked() {
        return MASK;
    }

    @Override
    public String toString() {
        return "IndividualNumber[" + MASK + "]";
    }
}
