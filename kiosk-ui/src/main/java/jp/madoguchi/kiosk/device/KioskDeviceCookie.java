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
 * The cookie that makes a browser a registered kiosk: {@code <terminal id>.<enrolment>.<signature>}, signed with a
 * key derived from the login-token secret, so it cannot be made up or moved to another terminal ID. The enrolment
 * is the registration's time: a terminal paired again gets a new one, so the cookie of the earlier pairing (a copy
 * taken from the old PC) no longer works. It carries no secret itself: whether that very registration is still in
 * force is asked at every request, so withdrawing it works at once.
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

    String value(String terminalId, java.time.Instant enrolledAt) {
        String named = terminalId + "." + enrolledAt.toEpochMilli();
        return named + "." + signature(named);
    }

    /** The terminal and the enrolment a genuine cookie names. */
    Optional<Enrolment> enrolment(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String named = value.substring(0, dot);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        int second = named.lastIndexOf('.');
        if (second <= 0 || !MessageDigest.isEqual(given, signature(named).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Enrolment(named.substring(0, second), Long.parseLong(named.substring(second + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A registration of a terminal: its id and when it was registered (epoch milliseconds). */
    record Enrolment(String terminalId, long enrolledAtMillis) {
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
