package jp.madoguchi.adapters.devices.cardreader;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, tolerant BER-TLV reader for the card's data files (docs/architecture.md, domain facts §3.5): a tag of one byte, or more when
 * its low five bits are all set; a length in short form or {@code 81}/{@code 82} long form. Unknown tags are
 * kept and ignored by the caller; anything cut short is refused rather than guessed.
 */
record BerTlv(int tag, byte[] value) {

    /** Where a TLV's value starts and how long it is, read from its header alone. */
    record Header(int tag, int headerLength, int valueLength) {

        int totalLength() {
            return headerLength + valueLength;
        }
    }

    static Header header(byte[] data, int offset, int limit) {
        int at = offset;
        need(at, limit);
        int tag = data[at++] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            int b;
            do {
                need(at, limit);
                b = data[at++] & 0xFF;
                tag = (tag << 8) | b;
            } while ((b & 0x80) != 0);
        }
        need(at, limit);
        int length = data[at++] & 0xFF;
        if (length == 0x81) {
            need(at, limit);
            length = data[at++] & 0xFF;
        } else if (length == 0x82) {
            need(at + 1, limit);
            length = ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
            at += 2;
        } else if (length > 0x80) {
            throw new MalformedTlvException("長さの形式に対応していません");
        }
        return new Header(tag, at - offset, length);
    }

    /** The TLVs one after another in {@code data[offset, limit)}. */
    static List<BerTlv> sequence(byte[] data, int offset, int limit) {
        List<BerTlv> items = new ArrayList<>();
        int at = offset;
        while (at < limit) {
            if ((data[at] & 0xFF) == 0xFF && at + 1 < limit && (data[at + 1] & 0xFF) == 0xFF) {
                break; // erased bytes after the last item
            }
            Header header = header(data, at, limit);
            int start = at + header.headerLength();
            if (start + header.valueLength() > limit) {
                throw new MalformedTlvException("データが途中で切れています");
            }
            byte[] value = new byte[header.valueLength()];
            System.arraycopy(data, start, value, 0, value.length);
            items.add(new BerTlv(header.tag(), value));
            at = start + header.valueLength();
        }
        return items;
    }

    private static void need(int at, int limit) {
        if (at >= limit) {
            throw new MalformedTlvException("データが途中で切れています");
        }
    }

    static final class MalformedTlvException extends RuntimeException {
        MalformedTlvException(String message) {
            super(message);
        }
    }
}
