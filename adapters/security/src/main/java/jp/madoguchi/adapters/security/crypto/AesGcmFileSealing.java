package jp.madoguchi.adapters.security.crypto;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.application.port.out.FileSealing;

/**
 * Files sealed in segments of 1 MiB, each with AES-256-GCM (the online scheme of Hoang, Reyhanitabar, Rogaway and
 * Vizár, as Tink's streaming AEAD uses it): one GCM message would have to be held whole in memory to be opened, and
 * a linkage file can be a gigabyte. A file is {@code magic(8) ‖ prefix(7)} and then the segments; segment {@code i}
 * has the nonce {@code prefix ‖ i (4 bytes) ‖ last (1 byte)} and the header as associated data, so segments cannot
 * be reordered, dropped, repeated or moved between files, and a file cut after a segment fails (its new last segment
 * was not sealed as the last). The key is derived from the data key for this purpose alone.
 */
public final class AesGcmFileSealing implements FileSealing {

    private static final byte[] MAGIC = "MDGARC01".getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX = 7;
    private static final int HEADER = MAGIC.length + PREFIX;
    private static final int SEGMENT = 1 << 20;
    private static final int TAG = 16;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKey the data key (at least 32 random bytes) */
    public AesGcmFileSealing(byte[] masterKey) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("暗号鍵は32バイト以上必要です");
        }
        this.key = new SecretKeySpec(AesGcmSensitiveItems.derive(masterKey, "madoguchi/archive/v1"), "AES");
    }

    @Override
    public OutputStream sealing(OutputStream sealed) throws IOException {
        byte[] header = Arrays.copyOf(MAGIC, HEADER);
        byte[] prefix = new byte[PREFIX];
        random.nextBytes(prefix);
        System.arraycopy(prefix, 0, header, MAGIC.length, PREFIX);
        sealed.write(header);
        return new Sealing(sealed, header);
    }

    @Override
    public InputStream opening(InputStream sealed) throws IOException {
        byte[] header = sealed.readNBytes(HEADER);
        if (header.length < HEADER || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw new IOException("暗号化された保管ファイルではありません（形式が違います）");
        }
        return new Opening(new PushbackInputStream(sealed, 1), header);
    }

    private Cipher cipher(int mode, byte[] header, long segment, boolean last) throws IOException {
        if (segment > 0xFFFF_FFFFL) {
            throw new IOException("保管ファイルが大きすぎます");
        }
        byte[] nonce = new byte[12];
        System.arraycopy(header, MAGIC.length, nonce, 0, PREFIX);
        nonce[7] = (byte) (segment >>> 24);
        nonce[8] = (byte) (segment >>> 16);
        nonce[9] = (byte) (segment >>> 8);
        nonce[10] = (byte) segment;
        nonce[11] = (byte) (last ? 1 : 0);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(header);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException("暗号機能を初期化できません", e);
        }
    }

    /** Holds one segment back until it knows whether more follows: only {@link #close()} seals the last one. */
    private final class Sealing extends FilterOutputStream {
        private final byte[] header;
        private final byte[] buffer = new byte[SEGMENT];
        private int filled;
        private long segment;
        private boolean closed;

        Sealing(OutputStream out, byte[] header) {
            super(out);
            this.header = header;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == SEGMENT) {
                    seal(false);
                }
                int n = Math.min(length, SEGMENT - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                out.write(cipher(Cipher.ENCRYPT_MODE, header, segment++, last).doFinal(buffer, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IOException("暗号化できません", e);
            }
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                try {
                    seal(true);
                } finally {
                    out.close();
                }
            }
        }
    }

    private final class Opening extends InputStream {
        private final PushbackInputStream in;
        private final byte[] header;
        private byte[] plain = new byte[0];
        private int position;
        private long segment;
        private boolean finished;

        Opening(PushbackInputStream in, byte[] header) {
            this.in = in;
            this.header = header;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (position == plain.length) {
                if (finished) {
                    return -1;
                }
                next();
            }
            int n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, bytes, offset, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            byte[] sealed = in.readNBytes(SEGMENT + TAG);
            if (sealed.length < TAG) {
                throw new EOFException("保管ファイルが途中で切れています");
            }
            int ahead = in.read();
            boolean last = ahead < 0;
            if (!last) {
                in.unread(ahead);
            }
            try {
                plain = cipher(Cipher.DECRYPT_MODE, header, segment++, last).doFinal(sealed);
            } catch (GeneralSecurityException e) {
                throw new IOException("保管ファイルを復号できません（鍵が違うか、改変・切り詰めがあります）");
            }
            position = 0;
            finished = last;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
