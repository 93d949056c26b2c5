package jp.madoguchi.domain.resident;

/** 世帯番号: numbered like the 宛名番号, serial plus an M11W2～7 check digit. */
public record HouseholdNumber(String value) {

    public HouseholdNumber {
        CheckDigitM11W2To7.requireValid(value, "世帯番号");
    }

    public static HouseholdNumber fromSerial(long serial, int digits) {
        String s = String.format("%0" + digits + "d", serial);
        return new HouseholdNumber(s + CheckDigitM11W2To7.of(s));
    }

    @Override
    public String toString() {
        return value;
    }
}
