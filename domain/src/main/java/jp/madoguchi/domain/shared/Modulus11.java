package jp.madoguchi.domain.shared;

/**
 * 11を法とする検査数字（モジュラス11）の計算。宛名番号・世帯番号・地方公共団体コード・個人番号が使う。
 *
 * <p>Each identifier weights its digits differently and treats the remainders 0 and 1 its own way, so the
 * callers pass the weights and decide; this class only sums.
 */
public final class Modulus11 {

    private Modulus11() {
    }

    /**
     * The weighted sum modulo 11 of {@code digits}, where {@code weightOf(i)} is the weight of the i-th digit
     * counted from the right, starting at 1.
     */
    public static int remainder(String digits, java.util.function.IntUnaryOperator weightOf) {
        int sum = 0;
        for (int i = 1; i <= digits.length(); i++) {
            int digit = digits.charAt(digits.length() - i) - '0';
            sum += digit * weightOf.applyAsInt(i);
        }
        return sum % 11;
    }

    public static boolean isDigits(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
