package jp.madoguchi.adapters.linkage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jp.madoguchi.adapters.linkage.layout.DateFormat;
import jp.madoguchi.adapters.linkage.layout.LayoutColumn;
import jp.madoguchi.application.port.out.LinkageProblem;
import jp.madoguchi.domain.calendar.EraTable;

/**
 * One data row of a linkage file, seen through its layout: each data item the dataset reads, checked against
 * its 型 and 書式. Values are never trimmed or normalised; an empty cell is "no value".
 */
final class LinkageRow {

    private final ReplicaDataset dataset;
    private final LayoutColumn[] columns;
    private final int[] cellOf;
    private final EraTable eras;
    private final ProblemList problems;
    private final String[] raw;
    private final Object[] parsed;
    /** Item name → position, looked up for every value of every row: a plain map, built once. */
    private final java.util.Map<String, Integer> index = new java.util.HashMap<>();
    private long line;
    private int rowProblems;

    LinkageRow(ReplicaDataset dataset, LayoutColumn[] columns, int[] cellOf, EraTable eras, ProblemList problems) {
        this.dataset = dataset;
        this.columns = columns;
        this.cellOf = cellOf;
        this.eras = eras;
        this.problems = problems;
        this.raw = new String[dataset.items().size()];
        this.parsed = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            index.put(dataset.items().get(i), i);
        }
    }

    /** Reads the cells of file line {@code line}; {@code deletion} relaxes 必須 (a 処理区分 3 row needs only its key). */
    void load(long line, List<String> cells, boolean deletion) {
        this.line = line;
        this.rowProblems = 0;
        for (int i = 0; i < raw.length; i++) {
            int cell = cellOf[i];
            String value = cell < 0 || cell >= cells.size() ? null : cells.get(cell);
            raw[i] = value == null || value.isEmpty() ? null : value;
            parsed[i] = null;
        }
        // a second pass, so a date can see its _表記 companion wherever that column stands
        for (int i = 0; i < raw.length; i++) {
            LayoutColumn column = columns[i];
            if (column == null) {
                continue;
            }
            if (raw[i] == null) {
                if (column.required() && (!deletion || dataset.isKey(i))) {
                    problem(i, "必須の項目が空です");
                }
                continue;
            }
            parsed[i] = parse(i, column, raw[i]);
        }
    }

    private Object parse(int item, LayoutColumn column, String value) {
        switch (column.type()) {
            case DIGITS -> {
                if (!isDigits(value) || column.length() > 0 && value.length() != column.length()) {
                    problem(item, column.length() > 0 ? "数字" + column.length() + "桁で指定してください" : "数字だけで指定してください");
                    return null;
                }
                return value;
            }
            case CODE -> {
                if (!column.codes().isEmpty() && !column.codes().contains(value)) {
                    problem(item, "コードは " + String.join("、", column.codes().stream().sorted().toList()) + " のいずれかです");
                    return null;
                }
                return value;
            }
            case DATE -> {
                try {
                    Optional<LocalDate> date = column.dateFormat().parse(value, eras);
                    if (date.isEmpty() && text(dataset.items().get(item) + "_表記") == null) {
                        problem(item, "暦にない日付です（不詳日は「" + dataset.items().get(item) + "_表記」列に表記を入れてください）");
                    }
                    return date.orElse(null);
                } catch (IllegalArgumentException e) {
                    problem(item, e.getMessage());
                    return null;
                }
            }
            case YEAR_MONTH -> {
                if (value.length() != 6 || !isDigits(value) || value.charAt(4) > '1'
                        || value.substring(4).equals("00") || Integer.parseInt(value.substring(4)) > 12) {
                    problem(item, "年月は YYYYMM の形式で指定してください");
                    return null;
                }
                return value;
            }
            case TIMESTAMP -> {
                // one parse that takes the offset when there is one: trying OffsetDateTime first threw (slowly) on
                // every row of a file written without offsets; the usual shape is checked by hand, as even one
                // formatter parse per row was a tenth of a FULL import's checking
                try {
                    if (!plainDateTime(value)) {
                        DateTimeFormatter.ISO_DATE_TIME.parse(value);
                    }
                } catch (DateTimeParseException e) {
                    problem(item, "日時は ISO 8601 の形式（例 2026-04-01T09:00:00）で指定してください");
                    return null;
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private static final int[] DATE_TIME_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};

    /** {@code uuuu-MM-ddTHH:mm:ss} naming a real moment; anything else is left to the ISO formatter. */
    static boolean plainDateTime(String value) {
        if (value.length() != 19 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':') {
            return false;
        }
        for (int i : DATE_TIME_DIGITS) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        try {
            java.time.LocalDateTime.of(DateFormat.digits(value, 0, 4), DateFormat.digits(value, 5, 7),
                    DateFormat.digits(value, 8, 10), DateFormat.digits(value, 11, 13), DateFormat.digits(value, 14, 16),
                    DateFormat.digits(value, 17, 19));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private int indexOf(String item) {
        Integer i = index.get(item);
        return i == null ? -1 : i;
    }

    long line() {
        return line;
    }

    /** No problem was found in this row (so far). */
    boolean clean() {
        return rowProblems == 0;
    }

    String text(String item) {
        int i = indexOf(item);
        return i < 0 ? null : raw[i];
    }

    LocalDate date(String item) {
        int i = indexOf(item);
        return i < 0 || !(parsed[i] instanceof LocalDate d) ? null : d;
    }

    /** The value as the column's 型 accepted it (for N, C, YM, TS the text). */
    String value(String item) {
        int i = indexOf(item);
        return i < 0 || !(parsed[i] instanceof String s) ? null : s;
    }

    /** The value turned into a domain value, or null with a problem when the domain refuses it. */
    <T> T valid(String item, Function<String, T> factory) {
        String value = value(item);
        if (value == null) {
            return null;
        }
        try {
            return factory.apply(value);
        } catch (IllegalArgumentException e) {
            problem(item, e.getMessage());
            return null;
        }
    }

    void problem(String item, String reason) {
        problem(indexOf(item), reason);
    }

    private void problem(int item, String reason) {
        String column = item >= 0 && columns[item] != null ? columns[item].header() : "";
        String value = item >= 0 ? raw[item] : null;
        if (value != null && item >= 0 && dataset.isSensitive(item)) {
            value = "*".repeat(value.length());
            reason = reason.replaceAll("\\d{6,}", "***");
        }
        rowProblems++;
        problems.add(new LinkageProblem(line, column, reason, value));
    }
}
