package jp.madoguchi.application.port.out;

/**
 * Seals a value for the core systems (封緘): only a holder of the city's hand-off key can read it, and a sealed value
 * moved into another record does not open. Used for the 個人番号 of a 券面事項 record.
 */
public interface HandoffSealing {

    /** @param recordKey the record the value belongs to: bound into the seal */
    String seal(String value, String recordKey);
}
