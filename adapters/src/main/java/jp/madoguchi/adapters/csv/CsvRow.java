package jp.madoguchi.adapters.csv;

import java.util.Collection;
import java.util.stream.Collectors;

/** RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends (what Excel and RPA tools read). */
public final class CsvRow {

    private CsvRow() {
    }

    public static String of(Collection<String> fields) {
        return fields.stream()
                .map(f -> "\"" + (f == null ? "" : f.replace("\"", "\"\"")) + "\"")
                .collect(Collectors.joining(",")) + "\r\n";
    }
}
