package jp.madoguchi.domain.resident;

import jp.madoguchi.domain.shared.Modulus11;

/**
 * 宛名番号: the resident's number in the city's systems, a serial number followed by a check digit computed with
 * modulus 11 and weights 2–7 (M11W2～7, 住民記録システム標準仕様書 1.1.13).
 *
 * @see CheckDigitM11W2To7
 */
public record AddresseeNumber(String value) {

    public AddresseeNumber {
        CheckDigitM11W2To7.requireValid(value, "宛名番号");
    }

    /** Appends the check digit to a serial number. */
    public static AddresseeNumber fromSerial(String serial) {
        return new AddresseeNumber(serial + CheckDigitM11W2To7.of(serial));
    }

    public static AddresseeNumber fromSerial(long serial, int digits) {
        return fromSerial(String.format("%0" + digits + "d", serial));
    }

    /** True when {@code value} is a well-formed 宛名番号 with a correct check digit. */
    public static boolean isValid(String value) {
        return CheckDigitM11W2To7.isValid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
