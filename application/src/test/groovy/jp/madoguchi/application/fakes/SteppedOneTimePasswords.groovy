package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.OneTimePasswords

import java.time.Instant

/**
 * One-time codes that are "secret:step" in short, the step being the 30-second window (TOTP itself: adapters). A code
 * is accepted once, and only for a step after the last one used, as the real check does against replay.
 */
class SteppedOneTimePasswords implements OneTimePasswords {

    int secrets

    static long step(Instant at) {
        at.epochSecond.intdiv(30)
    }

    @Override
    String newSecret() {
        'SECRET' + (++secrets)
    }

    @Override
    OptionalLong verify(String secret, String code, Instant now, long lastUsedStep) {
        long step = step(now)
        code == currentCode(secret, now) && step > lastUsedStep ? OptionalLong.of(step) : OptionalLong.empty()
    }

    @Override
    String currentCode(String secret, Instant at) {
        String.format('%06d', Math.abs((secret + ':' + step(at)).hashCode()) % 1_000_000)
    }

    @Override
    String provisioningUri(String issuer, String account, String secret) {
        'otpauth://totp/' + issuer + ':' + account + '?secret=' + secret
    }
}
