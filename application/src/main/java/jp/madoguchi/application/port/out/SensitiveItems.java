package jp.madoguchi.application.port.out;

/**
 * Protection of 個人番号, 住民票コード and 基礎年金番号 at rest: sealed (encrypted and authenticated) with a key
 * kept outside the database, and findable through a keyed hash without decrypting anything.
 */
public interface SensitiveItems {

    /** @param item the item's name (e.g. 個人番号); a sealed value only opens for the same item */
    byte[] seal(String item, String value);

    String open(String item, byte[] sealed);

    /** The keyed hash that finds {@code value}; the same value always gives the same key. */
    byte[] lookupKey(String item, String value);
}
