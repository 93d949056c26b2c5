package jp.madoguchi.adapters.devices.terminal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The envelope between the server and a paired terminal agent: AES-256-GCM under the terminal's pairing key, bound
 * to the terminal id and to what the message is for, so a challenge cannot pass for a reading or one terminal's
 * reading for another's. The browser in between carries the envelopes but can neither read nor forge them — the
 * 個人番号 inside a reading stays sealed until the server opens it.
 */
public final class TerminalSeal {

    private static final String TOKEN_PREFIX = "mdgp1.";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an envelope is for; part of the authenticated data. */
    public enum Purpose {
        CHALLENGE, READING
    }

    private final SecretKeySpec key;
    private final String terminalId;

    private TerminalSeal(byte[] key, String terminalId) {
        if (key.length != 32) {
            throw new IllegalArgumentException("ペアリング鍵の長さが違います");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.terminalId = terminalId;
    }

    public static TerminalSeal of(byte[] key, String terminalId) {
        return new TerminalSeal(key, terminalId);
    }

    /** The seal for a pairing token as {@link #newToken()} made it. */
    public static TerminalSeal fromToken(String token, String terminalId) {
        return new TerminalSeal(keyOf(token), terminalId);
    }

    /** A fresh pairing token: 256 random bits, printable, given to the terminal agent once. */
    public static String newToken() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    public static byte[] keyOf(String token) {
        String t = token == null ? "" : token.strip();
        if (!t.startsWith(TOKEN_PREFIX)) {
            throw new IllegalArgumentException("ペアリングトークンの形式が違います（mdgp1. で始まる文字列です）");
        }
        try {
            return Base64.getUrlDecoder().decode(t.substring(TOKEN_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ペアリングトークンの形式が違います", e);
        }
    }

    public String terminalId() {
        return terminalId;
    }

    public String seal(Purpose purpose, Map<String, String> fields) {
        String text = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(purpose));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM が使えません", e);
        }
    }

    /** @throws Untrusted when the envelope was not sealed with this key, for this terminal and purpose */
    public Map<String, String> open(Purpose purpose, String envelope) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(envelope == null ? "" : envelope.strip());
        } catch (IllegalArgumentException e) {
            throw new Untrusted("形式が違います");
        }
        if (bytes.length < 12 + 16) {
            throw new Untrusted("短すぎます");
        }
        String text;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(aad(purpose));
            text = new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new Untrusted("この端末の鍵で封をしたものではありません");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM が使えません", e);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return fields;
    }

    private byte[] aad(Purpose purpose) {
        return ("madoguchi-terminal/" + purpose.name() + "/" + terminalId).getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** An envelope that does not open: forged, damaged, or from another terminal. */
    public static final class Untrusted extends RuntimeException {
        public Untrusted(String why) {
            super(why);
        }
    }
}
