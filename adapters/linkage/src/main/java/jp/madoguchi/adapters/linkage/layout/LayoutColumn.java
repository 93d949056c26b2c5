package jp.madoguchi.adapters.linkage.layout;

import java.util.Set;

/**
 * One column of a linkage file as its layout describes it: the header text in the file, the 型, whether a value
 * is required, the data item it feeds ({@code null} for a column the city wants ignored), and its 書式 (the date
 * format for D, the allowed codes for C, the exact length for N).
 *
 * @param length   exact number of digits for N, or 0 for any
 * @param codes    allowed values of a C column; empty for any
 * @param dateFormat for D columns
 */
public record LayoutColumn(String header, ItemType type, boolean required, String item, int length, Set<String> codes,
                           DateFormat dateFormat) {

    public LayoutColumn {
        codes = Set.copyOf(codes);
    }

    public boolean ignored() {
        return item == null;
    }
}
