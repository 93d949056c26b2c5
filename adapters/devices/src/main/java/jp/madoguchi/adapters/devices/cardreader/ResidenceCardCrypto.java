package jp.madoguchi.adapters.devices.cardreader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of the 在留カード chip's access control, as the 出入国在留管理庁's published specification
 * (在留カード等仕様書) sets it out: the authentication keys K.Enc = K.Mac are the first 16 bytes of SHA-1 over the
 * 在留カード番号 (12 ASCII characters); mutual authentication encrypts with two-key triple DES in CBC mode (IV zero)
 * and authenticates with the ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC", padding method 2); the session key is the
 * first 16 bytes of SHA-1 over (K.IFD ⊕ K.ICC) ‖ 00 00 00 01. Reader and simulated card share this one class, so
 * both sides compute exactly the same thing.
 */
final class ResidenceCardCrypto {

    private static final byte[] IV = new byte[8];

    private ResidenceCardCrypto() {
    }

    /** K.Enc and K.Mac (the same 16 bytes) from the number printed on the card. */
    static byte[] accessKey(String cardNumber) {
        return Arrays.copyOf(sha1(cardNumber.getBytes(StandardCharsets.US_ASCII)), 16);
    }

    static byte[] sessionKey(byte[] kIfd, byte[] kIcc) {
        byte[] input = new byte[20];
        for (int i = 0; i < 16; i++) {
            input[i] = (byte) (kIfd[i] ^ kIcc[i]);
        }
        input[19] = 1;
        return Arrays.copyOf(sha1(input), 16);
    }

    /** Two-key triple DES, CBC, IV zero, no padding (the caller pads). */
    static byte[] encrypt(byte[] key16, byte[] data) {
        return tdes(Cipher.ENCRYPT_MODE, key16, data);
    }

    static byte[] decrypt(byte[] key16, byte[] data) {
        return tdes(Cipher.DECRYPT_MODE, key16, data);
    }

    /** ISO/IEC 9797-1 MAC algorithm 3 with padding method 2: single DES CBC under K1, then the last block K2⁻¹, K1. */
    static byte[] retailMac(byte[] key16, byte[] data) {
        try {
            byte[] padded = pad(data);
            Cipher des = Cipher.getInstance("DES/CBC/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key16, 0, 8), "DES"), new IvParameterSpec(IV));
            byte[] chained = des.doFinal(padded);
            byte[] last = Arrays.copyOfRange(chained, chained.length - 8, chained.length);
            Cipher k2 = Cipher.getInstance("DES/ECB/NoPadding");
            k2.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key16, 8, 16), "DES"));
            Cipher k1 = Cipher.getInstance("DES/ECB/NoPadding");
            k1.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key16, 0, 8), "DES"));
            return k1.doFinal(k2.doFinal(last));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES が使えません", e);
        }
    }

    /** ISO/IEC 7816-4 padding: 80, then 00 up to a multiple of 8 bytes (always at least one byte). */
    static byte[] pad(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 8);
        out.writeBytes(data);
        out.write(0x80);
        while (out.size() % 8 != 0) {
            out.write(0x00);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException when the padding is not 80 00 … */
    static byte[] unpad(byte[] data) {
        int i = data.length - 1;
        while (i >= 0 && data[i] == 0x00) {
            i--;
        }
        if (i < 0 || (data[i] & 0xFF) != 0x80) {
            throw new IllegalArgumentException("暗号文の詰め物が正しくありません");
        }
        return Arrays.copyOf(data, i);
    }

    private static byte[] tdes(int mode, byte[] key16, byte[] data) {
        try {
            byte[] key24 = new byte[24];
            System.arraycopy(key16, 0, key24, 0, 16);
            System.arraycopy(key16, 0, key24, 16, 8);
            Cipher cipher = Cipher.getInstance("DESede/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key24, "DESede"), new IvParameterSpec(IV));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("トリプルDES が使えません", e);
        }
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
