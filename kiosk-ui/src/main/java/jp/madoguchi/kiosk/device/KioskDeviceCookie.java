package jp.madoguchi.kiosk.device;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

/**
 * The cookie that makes a browser a registered kiosk: {@code <terminal id>.<signature>}, signed with a key derived
 * from the login-token secret, so it cannot be made up or moved to another terminal ID. It carries no secret
 * itself: whether the terminal is still in force is asked at every request, so withdrawing it works at once.
 */
@Singleton
public class KioskDeviceCookie {

    public static final String NAME = "MADOGUCHI_KIOSK";

    private final SecretKeySpec key;

    public KioskDeviceCookie(@Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret") String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal("madoguchi/kiosk-device/v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String value(String terminalId) {
        return terminalId + "." + signature(terminalId);
    }

    /** The terminal ID a genuine cookie names. */
    Optional<String> terminalId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = value.substring(0, dot);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, signature(id).getBytes(StandardCharsets.US_ASCII)) ? Optional.of(id) : Optional.empty();
    }

    private String signature(String terminalId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(terminalId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
