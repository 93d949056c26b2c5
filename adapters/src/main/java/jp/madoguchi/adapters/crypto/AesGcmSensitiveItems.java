package jp.madoguchi.adapters.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.application.port.out.SensitiveItems;

/**
 * AES-256-GCM sealing and HMAC-SHA-256 lookup keys for 個人番号, 住民票コード and 基礎年金番号, both derived from
 * one master key that lives outside the database (a key file or an environment variable). A sealed value is
 * {@code version(1) ‖ nonce(12) ‖ ciphertext+tag}; the item name is authenticated with it, so a sealed
 * 住民票コード cannot be passed off as a 個人番号.
 */
public final class AesGcmSensitiveItems implements SensitiveItems {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec sealingKey;
    private final SecretKeySpec lookupKey;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private final ThreadLocal<Mac> macs;
    /**
     * GCM nonces need uniqueness, not a shared entropy pool: a DRBG per thread (seeded from the system) avoids the
     * lock of the default NativePRNG, which showed up in bulk imports that seal two items per row.
     */
    private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(() -> instance(() -> SecureRandom.getInstance("DRBG")));

    /** @param masterKey at least 32 random bytes */
    public AesGcmSensitiveItems(byte[] masterKey) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("暗号鍵は32バイト以上必要です");
        }
        this.sealingKey = new SecretKeySpec(derive(masterKey, "madoguchi/seal/v1"), "AES");
        this.lookupKey = new SecretKeySpec(derive(masterKey, "madoguchi/lookup/v1"), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> instance(() -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return mac;
        }));
    }

    @Override
    public byte[] seal(String item, String value) {
        byte[] nonce = new byte[NONCE];
        random.get().nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(item.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("暗号化できません", e);
        }
    }

    @Override
    public String open(String item, byte[] sealed) {
        if (sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalArgumentException("暗号化された値の形式が正しくありません");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE));
            cipher.updateAAD(item.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // wrong key, wrong item or altered bytes: never say more than that
            throw new IllegalArgumentException("暗号化された値を復号できません（鍵が違うか、値が改変されています）");
        }
    }

    @Override
    public byte[] lookupKey(String item, String value) {
        Mac mac = macs.get();
        mac.update(item.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Creator<T> {
        T create() throws GeneralSecurityException;
    }

    private static <T> T instance(Creator<T> creator) {
        try {
            return creator.create();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("暗号機能を初期化できません", e);
        }
    }
}
