package jp.madoguchi.adapters.linkage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Rows in PostgreSQL's COPY text format, collected until a chunk is worth sending: tab-separated, {@code \N} for
 * null, backslash escapes, {@code \x…} hex for bytea. Every string goes through unchanged apart from escaping,
 * so IVS and non-BMP characters arrive byte for byte.
 */
final class CopyBuffer {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
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
                text.append("\\\\x");
                for (byte b : bytes) {
                    text.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
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
        if (plain(s)) {
            text.append(s);
            return;
        }
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

    /** Nearly every value has nothing to escape: one scan, then one bulk append. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
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
