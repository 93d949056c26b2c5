package jp.madoguchi.adapters.postgres.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The hashes of the access history: an entry's content hash is SHA-256 over its fields, each written as
 * {@code <length in UTF-16 units>:<value>;} in UTF-8 (length-prefixed, so no two entries encode alike), and its chain
 * hash is {@code SHA-256(previous chain hash ‖ content hash)}. Fields come either as strings (when appending) or as
 * the UTF-8 bytes PostgreSQL sends (when verifying, so no strings are made). One per thread: it reuses its digest
 * and buffer.
 */
final class ChainHasher {

    private final MessageDigest digest;
    private byte[] buffer = new byte[1024];
    private int length;

    ChainHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PostgreSQL keeps microseconds: the time is hashed as microseconds since the epoch. */
    static long micros(OffsetDateTime at) {
        return at.toInstant().getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    byte[] content(OffsetDateTime at, String city, String kind, String actorId, String actorName, String terminal,
                   String action, List<String> residents, String purpose, String detail) {
        start();
        number(micros(at));
        for (String value : new String[] {city, kind, actorId, actorName, terminal, action}) {
            text(value);
        }
        number(residents.size());
        residents.forEach(this::text);
        text(purpose);
        text(detail);
        return content();
    }

    void start() {
        length = 0;
    }

    void number(long value) {
        String digits = Long.toString(value);
        ascii(Integer.toString(digits.length()));
        put((byte) ':');
        ascii(digits);
        put((byte) ';');
    }

    void text(String value) {
        ascii(Integer.toString(value.length()));
        put((byte) ':');
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        put(utf8, 0, utf8.length);
        put((byte) ';');
    }

    /** A text field as UTF-8 bytes; its length is counted in UTF-16 units, as {@link String#length()} does. */
    void text(byte[] utf8, int offset, int count) {
        int units = 0;
        for (int i = offset; i < offset + count; i++) {
            int b = utf8[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                units += b >= 0xF0 ? 2 : 1;   // a four-byte sequence is a surrogate pair in UTF-16
            }
        }
        ascii(Integer.toString(units));
        put((byte) ':');
        put(utf8, offset, count);
        put((byte) ';');
    }

    byte[] content() {
        digest.update(buffer, 0, length);
        return digest.digest();
    }

    byte[] chain(byte[] previous, byte[] content) {
        digest.update(previous);
        return digest.digest(content);
    }

    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            put((byte) text.charAt(i));
        }
    }

    private void put(byte b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = b;
    }

    private void put(byte[] bytes, int offset, int count) {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }
}
