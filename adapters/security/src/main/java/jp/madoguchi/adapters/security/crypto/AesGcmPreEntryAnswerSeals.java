package jp.madoguchi.adapters.security.crypto;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.application.port.out.PreEntryAnswerSeals;
import jp.madoguchi.domain.reception.PreEntryCode;

/**
 * 事前入力の回答を封じる with AES-256-GCM, the key derived from the code's random part and the city bound in as
 * associated data. The 128-bit secret makes a plain SHA-256 derivation (with its own label) sufficient.
 */
public final class AesGcmPreEntryAnswerSeals implements PreEntryAnswerSeals {

    private static final String KEY_LABEL = "madoguchi pre-entry answers v1\u0000";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] seal(PreEntryCode code, Map<String, String> answers) {
        byte[] plain = encode(answers).getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, code, nonce);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("事前入力の回答を暗号化できません", e);
        }
    }

    @Override
    public Map<String, String> open(PreEntryCode code, byte[] sealed) {
        if (sealed == null || sealed.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("封じた回答が壊れています");
        }
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, code, nonce);
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return decode(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("封じた回答をこのコードで開けません", e);
        }
    }

    private static Cipher cipher(int mode, PreEntryCode code, byte[] nonce) throws GeneralSecurityException {
        byte[] key = MessageDigest.getInstance("SHA-256").digest((KEY_LABEL + code.token()).getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        // the city is bound in: a code of another city cannot open these answers
        cipher.updateAAD(code.city().value().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static String encode(Map<String, String> answers) {
        return answers.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return answers;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            answers.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return answers;
    }
}
