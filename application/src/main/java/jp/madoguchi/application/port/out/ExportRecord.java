package jp.madoguchi.application.port.out;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.domain.shared.Rejection;

/**
 * One record for the back office in the words of its layout: the layout id, the columns in order, and the columns the
 * visit had no value for (empty in the record, never invented; listed for the people who read the delivery record).
 *
 * @param key a unique, stable key (city, reception number, procedure, member) that makes delivery idempotent
 */
public record ExportRecord(String layout, String key, Map<String, String> columns, List<String> missing) {

    public ExportRecord {
        if (layout == null || layout.isBlank() || key == null || key.isBlank()) {
            throw new Rejection("export.record-incomplete", "連携レイアウトとキーが必要です");
        }
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        missing = List.copyOf(missing);
    }

    public ExportRecord(String layout, String key, Map<String, String> columns) {
        this(layout, key, columns, List.of());
    }
}
