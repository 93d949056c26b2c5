package jp.madoguchi.adapters.security.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.application.port.out.HandoffSealing;

/**
 * 封緘 for the back office: AES-256-GCM under the city's hand-off key (kept apart from the data key: the core systems
 * get this one, never the key that seals the database). A sealed value is written as
 * {@code v1:<Base64 of nonce(12) ‖ ciphertext ‖ tag(16)>}, with the record's key as additional data, so it opens only
 * in the record it was written for. The core system opens it with any AES-GCM library and the same key.
 */
public class AesGcmHandoffSealing implements HandoffSealing {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public AesGcmHandoffSealing(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("連携の封緘鍵は 32 バイト（Base64 で 44 文字）です");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    @Override
    public String seal(String value, String recordKey) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(recordKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("連携の値を封緘できません", e);
        }
    }

    /** Opens a sealed value, as a core system does (used by the tests; the server never needs to). */
    public String open(String sealed, String recordKey) {
        if (!sealed.startsWith("v1:")) {
            throw new IllegalArgumentException("封緘の形式が違います");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE));
            cipher.updateAAD(recordKey.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("封緘を開けません（鍵か記録が違います）", e);
        }
    }
}
