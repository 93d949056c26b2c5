package jp.madoguchi.domain.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * What every CSV the system writes (the access history, the back-office records, statistics) does with a cell: a value
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading
 * apostrophe, so opening an export in Excel never runs what a visitor typed (CSV injection, CWE-1236). Everything else
 * is left exactly as it is. Every adapter that writes CSV, driving or driven, applies this one rule.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    public static List<String> safe(Iterable<String> values) {
        List<String> cells = new ArrayList<>();
        values.forEach(v -> cells.add(safe(v)));
        return cells;
    }
}
