package jp.madoguchi.adapters.security;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.OneTimePasswords;
import jp.madoguchi.domain.shared.Rejection;

/**
 * RFC 6238 TOTP as every authenticator app computes it by default: HMAC-SHA1, 30-second steps, 6 digits,
 * a 160-bit secret in Base32. About forty lines of the RFC's own reference algorithm, from the JDK alone.
 */
@Singleton
public class TotpOneTimePasswords implements OneTimePasswords {

    static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    /** Codes one step older or newer are accepted: a phone's clock a few seconds off must not lock anybody out. */
    private static final int DRIFT_STEPS = 1;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return Base32.encode(secret);
    }

    @Override
    public OptionalLong verify(String secret, String code, Instant now, long lastUsedStep) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] key = Base32.decode(secret);
        long current = now.getEpochSecond() / STEP_SECONDS;
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (step > lastUsedStep && code(key, step).equals(code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code for {@code step}, as the authenticator app shows it. */
    static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    @Override
    public String currentCode(String secret, Instant at) {
        return codeAt(secret, at);
    }

    /** The code an authenticator app shows at {@code at} for a Base32 secret (the demo and the tests use it). */
    public static String codeAt(String secret, Instant at) {
        return code(Base32.decode(secret), at.getEpochSecond() / STEP_SECONDS);
    }

    @Override
    public String provisioningUri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** RFC 4648 Base32 without padding, the alphabet authenticator apps use for secrets. */
    static final class Base32 {

        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        private Base32() {
        }

        static String encode(byte[] bytes) {
            StringBuilder out = new StringBuilder();
            int buffer = 0;
            int bits = 0;
            for (byte b : bytes) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
            }
            return out.toString();
        }

        static byte[] decode(String text) {
            String clean = text.replace(" ", "").replace("=", "").toUpperCase();
            ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
            int buffer = 0;
            int bits = 0;
            for (char c : clean.toCharArray()) {
                int value = ALPHABET.indexOf(c);
                if (value < 0) {
                    throw new Rejection("second-factor.secret-format", "Base32 ではない文字があります");
                }
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8) {
                    out.put((byte) (buffer >> (bits - 8)));
                    bits -= 8;
                }
            }
            return out.array();
        }
    }
}
