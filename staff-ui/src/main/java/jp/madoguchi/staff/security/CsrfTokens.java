package jp.madoguchi.staff.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

/**
 * The signed double-submit pattern against cross-site request forgery: each browser holds a random value in an
 * HttpOnly cookie, and every form carries an HMAC of it under a server key. A page from another site can make
 * the browser send the cookie but cannot read it, so it cannot compute the form value; a value planted in the
 * cookie from elsewhere has no valid HMAC without the key. The cookie is renewed at login, so a token seen
 * before logging in is worthless afterwards.
 */
@Singleton
public class CsrfTokens {

    /** The cookie holding the browser's random value. */
    public static final String COOKIE = "MADOGUCHI_CSRF";
    /** The form field (and, for multipart uploads, the query parameter) that carries the token. */
    public static final String FIELD = "_csrf";
    /** The header that scripts use instead of the field. */
    public static final String HEADER = "X-CSRF-Token";

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param signingSecret the login-token signing secret; the CSRF key is derived from it, never equal to it */
    public CsrfTokens(@Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret")
                      String signingSecret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "madoguchi-csrf-v1"), "HmacSHA256");
    }

    /** A fresh random value for the cookie. */
    public String newBrowserValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64.encodeToString(bytes);
    }

    /** The token forms carry for this browser value. */
    public String tokenFor(String browserValue) {
        return BASE64.encodeToString(hmac(key, browserValue));
    }

    /** Whether the submitted token belongs to the browser value, compared in constant time. */
    public boolean matches(String browserValue, String submitted) {
        if (browserValue == null || browserValue.isEmpty() || submitted == null || submitted.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(browserValue).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
