package jp.madoguchi.adapters.linkage;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's binary COPY format, collected until a chunk is worth sending: per row a field count, then
 * each field as a length ({@code -1} for null) and its bytes in the column type's binary form. Binary rather than
 * text because the server then parses nothing: a date is four bytes, a sealed value its own bytes instead of hex
 * (the text form was twice the size and took PostgreSQL twice as long to read, docs/benchmarks.md). Strings go
 * through as UTF-8 unchanged, so IVS and non-BMP characters arrive byte for byte.
 * <p>
 * The binary form of a number depends on its column's width, so a buffer is made for the columns of one table,
 * read from the catalogue ({@link #columnTypes}).
 */
final class CopyBuffer {

    /** The stream's first bytes (signature, no flags, no header extension): {@link #header()}. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** The stream's last bytes: a field count of -1. */
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    /** PostgreSQL counts dates in days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    /** How one column's values are written. */
    enum ColumnType {
        TEXT, DATE, SMALLINT, INTEGER, BIGINT, BOOLEAN, BYTEA;

        private static final Map<String, ColumnType> BY_NAME = Map.of(
                "text", TEXT, "character varying", TEXT, "character", TEXT, "date", DATE, "smallint", SMALLINT,
                "integer", INTEGER, "bigint", BIGINT, "boolean", BOOLEAN, "bytea", BYTEA);

        static ColumnType named(String table, String column, String type) {
            ColumnType known = BY_NAME.get(type.replaceAll("\\(.*\\)", ""));
            if (known == null) {
                throw new IllegalStateException(table + "." + column + " の型 " + type + " は取込で書き込めません");
            }
            return known;
        }
    }

    private final ColumnType[] types;
    private byte[] bytes = new byte[1 << 19];
    private int length;

    CopyBuffer(List<ColumnType> types) {
        this.types = types.toArray(ColumnType[]::new);
    }

    /** The types of {@code columns} of {@code table} (a name the catalogue resolves, temporary tables too). */
    static List<ColumnType> columnTypes(Handle h, String table, List<String> columns) {
        Map<String, String> declared = new java.util.HashMap<>();
        h.createQuery("""
                        SELECT attname, format_type(atttypid, NULL) AS type FROM pg_attribute
                        WHERE attrelid = CAST(:table AS regclass) AND attnum > 0 AND NOT attisdropped""")
                .bind("table", table)
                .map((rs, ctx) -> declared.put(rs.getString("attname"), rs.getString("type"))).list();
        List<ColumnType> types = new ArrayList<>();
        for (String column : columns) {
            String type = declared.get(column);
            if (type == null) {
                throw new IllegalStateException(table + " に列 " + column + " がありません");
            }
            types.add(ColumnType.named(table, column, type));
        }
        return types;
    }

    /** What a binary COPY starts with, sent once before any row. */
    static byte[] header() {
        return HEADER.clone();
    }

    /** What a binary COPY ends with, sent once after the last row. */
    static byte[] trailer() {
        return TRAILER.clone();
    }

    void row(Object[] values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException("列の数が違います: " + values.length + "（表は " + types.length + "）");
        }
        room(2);
        putShort(types.length);
        for (int i = 0; i < values.length; i++) {
            field(types[i], values[i]);
        }
    }

    private void field(ColumnType type, Object value) {
        if (value == null) {
            room(4);
            putInt(-1);
            return;
        }
        switch (type) {
            case TEXT -> {
                byte[] utf8 = (value instanceof String s ? s : String.valueOf(value)).getBytes(StandardCharsets.UTF_8);
                room(4 + utf8.length);
                putInt(utf8.length);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
            }
            case BYTEA -> {
                byte[] raw = (byte[]) value;
                room(4 + raw.length);
                putInt(raw.length);
                System.arraycopy(raw, 0, bytes, length, raw.length);
                length += raw.length;
            }
            case DATE -> {
                room(8);
                putInt(4);
                putInt((int) (((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
            }
            case SMALLINT -> {
                long n = number(value);
                if (n != (short) n) {
                    throw new IllegalArgumentException("smallint に収まりません: " + n);
                }
                room(6);
                putInt(2);
                putShort((int) n);
            }
            case INTEGER -> {
                long n = number(value);
                if (n != (int) n) {
                    throw new IllegalArgumentException("integer に収まりません: " + n);
                }
                room(8);
                putInt(4);
                putInt((int) n);
            }
            case BIGINT -> {
                room(12);
                putInt(8);
                long n = number(value);
                putInt((int) (n >>> 32));
                putInt((int) n);
            }
            case BOOLEAN -> {
                room(5);
                putInt(1);
                bytes[length++] = (byte) (((Boolean) value) ? 1 : 0);
            }
        }
    }

    /** Keys of DIFF rows arrive as the file's text; everything else as numbers. */
    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private void putShort(int n) {
        bytes[length++] = (byte) (n >>> 8);
        bytes[length++] = (byte) n;
    }

    private void putInt(int n) {
        bytes[length++] = (byte) (n >>> 24);
        bytes[length++] = (byte) (n >>> 16);
        bytes[length++] = (byte) (n >>> 8);
        bytes[length++] = (byte) n;
    }

    int length() {
        return length;
    }

    /** Sends the collected rows, emptying the buffer. */
    void sendTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(bytes, 0, length);
        length = 0;
    }

    /** Forgets the collected rows. */
    void discard() {
        length = 0;
    }
}
