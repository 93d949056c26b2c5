package jp.madoguchi.application.port.out;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.domain.shared.Rejection;

/**
 * One finalized reception in the words of a back-office layout: the layout id and ordered column values.
 *
 * @param key a unique, stable key (city + reception number) that makes delivery idempotent
 */
public record ExportRecord(String layout, String key, Map<String, String> columns) {

    public ExportRecord {
        if (layout == null || layout.isBlank() || key == null || key.isBlank()) {
            throw new Rejection("export.record-incomplete", "連携レイアウトとキーが必要です");
        }
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
