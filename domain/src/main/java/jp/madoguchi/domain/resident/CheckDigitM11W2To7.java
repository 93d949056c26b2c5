package jp.madoguchi.domain.resident;

import jp.madoguchi.domain.shared.Modulus11;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Modulus 11, weights 2, 3, 4, 5, 6, 7, 2, 3 … from the rightmost serial digit (M11W2～7).
 *
 * <p>The standard says remainder 0 gives check digit 0; it is silent on remainder 1 (11 − 1 = 10 is not a
 * digit). Like most 住記 vendors we map it to 0 as well. A city whose numbers were issued differently changes
 * this one method.
 */
final class CheckDigitM11W2To7 {

    /** 宛名番号 in the field are 8 to 15 digits long including the check digit. */
    private static final int MIN_LENGTH = 2;
    private static final int MAX_LENGTH = 16;

    private CheckDigitM11W2To7() {
    }

    static char of(String serial) {
        if (!Modulus11.isDigits(serial)) {
            throw new Rejection("resident.check-digit-m11-w2-to7", "番号は数字だけで指定してください");
        }
        int remainder = Modulus11.remainder(serial, i -> 2 + (i - 1) % 6);
        int check = remainder <= 1 ? 0 : 11 - remainder;
        return (char) ('0' + check);
    }

    static boolean isValid(String value) {
        return value != null
                && value.length() >= MIN_LENGTH
                && value.length() <= MAX_LENGTH
                && Modulus11.isDigits(value)
                && of(value.substring(0, value.length() - 1)) == value.charAt(value.length() - 1);
    }

    /**
     * The value is not repeated in the message: a 個人番号 typed into the wrong field would otherwise travel on into
     * an error page or a log (the linkage report names line and column instead).
     */
    static void requireValid(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new Rejection("resident.check-digit-m11-w2-to7", label + "がありません");
        }
        if (!Modulus11.isDigits(value) || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new Rejection("resident.check-digit-m11-w2-to7", label + "は" + MIN_LENGTH + "〜" + MAX_LENGTH + "桁の数字です（入力は" + value.length() + "文字）");
        }
        if (!isValid(value)) {
            throw new Rejection("resident.check-digit-m11-w2-to7", label + "の検査数字が正しくありません（" + value.length() + "桁）");
        }
    }
}
