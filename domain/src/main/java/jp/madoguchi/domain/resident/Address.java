package jp.madoguchi.domain.resident;

import java.util.Objects;

import jp.madoguchi.domain.shared.Modulus11;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 住所: 住所コード, 郵便番号, the address text (都道府県から町字まで), 番地 and 方書 (building and room).
 *
 * @param code       住所コード (11 digits), may be null for an address outside the city (転入前住所, 国外)
 * @param postalCode 郵便番号, may be null abroad
 * @param town       都道府県・市区町村・町字
 * @param lot        番地 or 住居表示 (街区符号・住居番号), may be null
 * @param apartment  方書, may be null
 */
public record Address(AddressCode code, PostalCode postalCode, String town, String lot, String apartment) {

    public Address {
        if (town == null || town.isBlank()) {
            throw new Rejection("resident.address", "住所がありません");
        }
        town = town.strip();
        lot = blankToNull(lot);
        apartment = blankToNull(apartment);
    }

    /** 住所 as printed on a certificate: town, lot and 方書 separated by a full-width space before the 方書. */
    public String fullText() {
        StringBuilder text = new StringBuilder(town);
        if (lot != null) {
            text.append(lot);
        }
        if (apartment != null) {
            text.append('\u3000').append(apartment);
        }
        return text.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** 住所コード: 都道府県2 + 市区町村3 + 大字3 + 小字3 (標準仕様 1.3.3). */
    public record AddressCode(String value) {
        public AddressCode {
            Objects.requireNonNull(value, "住所コード");
            if (value.length() != 11 || !Modulus11.isDigits(value)) {
                throw new Rejection("resident.address", "住所コードは11桁の数字です: " + value);
            }
        }

        /** The 5-digit 団体コード part (without check digit). */
        public String cityPart() {
            return value.substring(0, 5);
        }
    }

    /** 郵便番号: seven digits, shown as {@code 123-4567}. */
    public record PostalCode(String value) {
        public PostalCode {
            Objects.requireNonNull(value, "郵便番号");
            String digits = value.replace("-", "");
            if (digits.length() != 7 || !Modulus11.isDigits(digits)) {
                throw new Rejection("resident.address", "郵便番号は7桁の数字です: " + value);
            }
            value = digits;
        }

        public String display() {
            return value.substring(0, 3) + "-" + value.substring(3);
        }
    }
}
