package jp.madoguchi.adapters.linkage;

import java.util.List;
import java.util.Set;

import jp.madoguchi.application.port.out.SensitiveItems;
import jp.madoguchi.domain.calendar.EraTable;

/**
 * What Madoguchi keeps of one linkage ID: the data items it reads (by their standard names, which a layout
 * maps to the vendor's column headers), the replica table and its columns, the key, and the mapping from a
 * checked row to column values. Sensitive items are masked in every report.
 *
 * @param columns the table's columns in COPY order, {@code city_code} first
 */
record ReplicaDataset(String linkageId, String title, String table, List<String> items, List<String> keyItems,
                      List<String> keyColumns, Set<String> sensitiveItems, Set<String> requiredItems,
                      List<String> columns, Mapper mapper) {

    static final String OPERATION = "処理区分";

    /** Turns a row into column values; returns false (with problems recorded on the row) when it cannot. */
    @FunctionalInterface
    interface Mapper {
        boolean map(LinkageRow row, Values out, Context context);
    }

    /** What a mapping needs besides the row. */
    record Context(String city, SensitiveItems sensitive, EraTable eras) {
    }

    /** Column values in COPY order. */
    static final class Values {
        final Object[] values;
        private int next;

        Values(int size) {
            values = new Object[size];
        }

        Values put(Object value) {
            values[next++] = value;
            return this;
        }

        void reset() {
            next = 0;
        }

        boolean complete() {
            return next == values.length;
        }
    }

    ReplicaDataset {
        items = List.copyOf(items);
        keyItems = List.copyOf(keyItems);
        keyColumns = List.copyOf(keyColumns);
        sensitiveItems = Set.copyOf(sensitiveItems);
        requiredItems = Set.copyOf(requiredItems);
        columns = List.copyOf(columns);
    }

    int indexOf(String item) {
        return items.indexOf(item);
    }

    boolean isKey(int item) {
        return keyItems.contains(items.get(item));
    }

    boolean isSensitive(int item) {
        return sensitiveItems.contains(items.get(item));
    }

    /** The row's key as one string (key items joined by '|'). */
    String key(LinkageRow row) {
        if (keyItems.size() == 1) {
            return row.text(keyItems.get(0));
        }
        StringBuilder key = new StringBuilder();
        for (String item : keyItems) {
            key.append(row.text(item)).append('|');
        }
        return key.toString();
    }
}
