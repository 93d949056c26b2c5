package jp.madoguchi.application.port.out;

import java.util.Objects;

/**
 * Protection of 個人番号, 住民票コード and 基礎年金番号 at rest: sealed (encrypted and authenticated) with a key
 * kept outside the database, and findable through a keyed hash without decrypting anything.
 */
public interface SensitiveItems {

    /**
     * Where a sealed value is kept: its table, its column and its row (for a resident's items the city and the
     * 宛名番号). It is bound to the sealed bytes, so a value copied into another resident's row, another column or
     * another table no longer opens — whoever can write to the database cannot move one person's 個人番号 to another.
     */
    record Place(String table, String column, String row) {
        public Place {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(row, "row");
        }

        /** The row of a resident's item: the city and the 宛名番号. */
        public static Place ofResident(String table, String column, String city, String addresseeNumber) {
            return new Place(table, column, city + "/" + addresseeNumber);
        }
    }

    /** @param item the item's name (e.g. 個人番号); a sealed value only opens for the same item and place */
    byte[] seal(String item, Place place, String value);

    /** Opens a value sealed for {@code item} at {@code place} (values sealed before places were bound open anywhere). */
    String open(String item, Place place, byte[] sealed);

    /** The keyed hash that finds {@code value}; the same value always gives the same key. */
    byte[] lookupKey(String item, String value);
}
