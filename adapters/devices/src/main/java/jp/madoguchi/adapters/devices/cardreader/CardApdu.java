package jp.madoguchi.adapters.devices.cardreader;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The card's side of a short command APDU, for the virtual cards: the header, the data (Lc bytes), the expected
 * length (Le; 00 means 256), and the answers every card gives the same way — a status word alone, or READ BINARY of
 * a file from an offset.
 */
record CardApdu(int cla, int ins, int p1, int p2, byte[] data, int le) {

    /** @return null when the command is shorter than a header */
    static CardApdu parse(byte[] apdu) {
        if (apdu.length < 4) {
            return null;
        }
        byte[] data = apdu.length > 5 ? Arrays.copyOfRange(apdu, 5, Math.min(apdu.length, 5 + (apdu[4] & 0xFF))) : new byte[0];
        int le = apdu.length == 5 ? (apdu[4] == 0 ? 256 : apdu[4] & 0xFF) : 256;
        return new CardApdu(apdu[0] & 0xFF, apdu[1] & 0xFF, apdu[2] & 0xFF, apdu[3] & 0xFF, data, le);
    }

    /** The offset READ BINARY asks for (P1 P2, for a file already selected). */
    int offset() {
        return (p1 << 8) | p2;
    }

    static byte[] sw(int sw) {
        return new byte[]{(byte) (sw >> 8), (byte) sw};
    }

    /** READ BINARY of {@code file} from {@code offset}: 6B 00 past the end, 62 82 when fewer bytes than asked remain. */
    static byte[] readBinary(byte[] file, int offset, int length) {
        if (offset >= file.length) {
            return sw(0x6B00);
        }
        int end = Math.min(file.length, offset + length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, offset, end - offset);
        int status = end - offset < length ? 0x6282 : 0x9000;
        out.write(status >> 8);
        out.write(status & 0xFF);
        return out.toByteArray();
    }
}
