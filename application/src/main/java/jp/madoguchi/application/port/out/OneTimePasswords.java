package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.OptionalLong;

/** The second factor at login: time-based one-time passwords (TOTP, RFC 6238) from an authenticator app. */
public interface OneTimePasswords {

    /** A new random secret, in the Base32 form authenticator apps take. */
    String newSecret();

    /**
     * The time step of {@code code} when it is right for {@code now} (one step of clock drift either way allowed)
     * and later than {@code lastUsedStep}, so a code seen over a shoulder cannot be used a second time.
     */
    OptionalLong verify(String secret, String code, Instant now, long lastUsedStep);

    /** The code an authenticator app shows at {@code at}: for the demo's published secret, never a real one. */
    String currentCode(String secret, Instant at);

    /** The {@code otpauth://} URI an authenticator app reads from a QR code. */
    String provisioningUri(String issuer, String account, String secret);
}
