package jp.madoguchi.adapters.linkage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Rows in PostgreSQL's COPY text format, collected until a chunk is worth sending: tab-separated, {@code \N} for
 * null, backslash escapes, {@code \x…} hex for bytea. Every string goes through unchanged apart from escaping,
 * so IVS and non-BMP characters arrive byte for byte.
 */
final class CopyBuffer {

    private static final HexFormat HEX = HexFormat.of();
    private final StringBuilder text = new StringBuilder(1 << 18);

    void row(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof String s) {
                escape(s);
            } else if (value instanceof byte[] bytes) {
                text.append("\\\\x").append(HEX.formatHex(bytes));
            } else if (value instanceof Boolean b) {
                text.append(b ? 't' : 'f');
            } else if (value instanceof LocalDate || value instanceof Number) {
                text.append(value);
            } else {
                throw new IllegalArgumentException("COPY できない型です: " + value.getClass());
            }
        }
        text.append('\n');
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    int length() {
        return text.length();
    }

    /** The collected rows as UTF-8, emptying the buffer. */
    byte[] drain() {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        return bytes;
    }
}
