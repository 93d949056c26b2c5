package jp.madoguchi.adapters.postgres.audit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the rows of {@code COPY … TO STDOUT (FORMAT binary)}: a signature and header, then per row a field count
 * and each field as a length (-1 for NULL) and its bytes in the type's binary form, then -1. The fields of the
 * current row stay in one reusable buffer; nothing is decoded that the caller does not ask for.
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final DataInputStream in;
    private byte[] data = new byte[4096];
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    private int fields;

    BinaryCopyRows(InputStream in) throws IOException {
        this.in = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        byte[] signature = new byte[SIGNATURE.length];
        this.in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("COPY のバイナリ形式ではありません");
        }
        this.in.readInt();                       // flags
        this.in.skipNBytes(this.in.readInt());   // header extension
    }

    /** @return false after the last row */
    boolean next() throws IOException {
        fields = in.readShort();
        if (fields < 0) {
            return false;
        }
        if (fields > offsets.length) {
            offsets = new int[fields];
            lengths = new int[fields];
        }
        int used = 0;
        for (int f = 0; f < fields; f++) {
            int length = in.readInt();
            offsets[f] = used;
            lengths[f] = length;
            if (length > 0) {
                if (used + length > data.length) {
                    data = Arrays.copyOf(data, Math.max(data.length * 2, used + length));
                }
                in.readFully(data, used, length);
                used += length;
            }
        }
        return true;
    }

    /** Reads what is left, so the server finishes the COPY and the transaction ends cleanly. */
    void drain() throws IOException {
        while (in.read(data) >= 0) {
            // discard
        }
    }

    long int8(int field) {
        int o = offsets[field];
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[o + i] & 0xFF);
        }
        return value;
    }

    int int4(int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
    }

    long timestampMicrosSinceEpoch(int field) {
        return int8(field) + POSTGRES_EPOCH_MICROS;
    }

    byte[] bytes(int field) {
        return lengths[field] < 0 ? null : Arrays.copyOfRange(data, offsets[field], offsets[field] + lengths[field]);
    }

    /** Hands a text field's UTF-8 bytes to the hasher ({@code NULL} as empty: the columns are NOT NULL). */
    void text(int field, ChainHasher hasher) {
        hasher.text(data, offsets[field], Math.max(0, lengths[field]));
    }

    /**
     * Hands a one-dimensional {@code text[]} to the hasher as its element count and elements.
     *
     * @return false when it holds a NULL element or more than one dimension (never written: a changed entry)
     */
    boolean textArray(int field, ChainHasher hasher) {
        int o = offsets[field];
        int dimensions = int4(o);
        if (dimensions == 0) {
            hasher.number(0);
            return true;
        }
        if (dimensions != 1) {
            return false;
        }
        int count = int4(o + 12);
        hasher.number(count);
        int at = o + 20;
        for (int i = 0; i < count; i++) {
            int length = int4(at);
            if (length < 0) {
                return false;
            }
            hasher.text(data, at + 4, length);
            at += 4 + length;
        }
        return true;
    }
}
