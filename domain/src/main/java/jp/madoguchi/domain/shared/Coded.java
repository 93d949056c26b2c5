package jp.madoguchi.domain.shared;

/** A value with a code in the linkage layouts (性別 1/2/9, 住民種別 1/2 …) and a Japanese label. */
public interface Coded {

    String code();

    String label();

    /**
     * The constant of {@code type} with {@code code}.
     *
     * @param expected what the message says the allowed codes are, e.g. 「1（男）、2（女）、9（その他）」
     */
    static <E extends Enum<E> & Coded> E byCode(Class<E> type, String code, String item, String expected) {
        // a loop, not a stream: a FULL linkage import asks this several times for each of a million rows
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new Rejection("shared.coded", item + "は " + expected + " のいずれかです: " + code);
    }
}
