package jp.madoguchi.application.service;

import java.time.Duration;

import jp.madoguchi.domain.shared.Rejection;

/**
 * The city's login settings.
 *
 * @param lockoutThreshold        failed logins in a row that lock the account
 * @param lockoutDuration         how long the lock lasts (an administrator can lift it sooner)
 * @param secondFactorForEveryone whether every member of staff needs the second factor, not only administrators
 * @param issuer                  the name authenticator apps show next to the code
 * @param sessionLifetime         how long a login lasts at most, however busy the member is (on top of the idle timeout)
 */
public record LoginPolicy(int lockoutThreshold, Duration lockoutDuration, boolean secondFactorForEveryone,
                          String issuer, Duration sessionLifetime) {

    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(10);

    public LoginPolicy(int lockoutThreshold, Duration lockoutDuration, boolean secondFactorForEveryone, String issuer) {
        this(lockoutThreshold, lockoutDuration, secondFactorForEveryone, issuer, DEFAULT_SESSION_LIFETIME);
    }

    public LoginPolicy {
        if (lockoutThreshold < 1) {
            throw new Rejection("login.lockout-failures-invalid", "ロックまでの失敗回数は1以上にしてください");
        }
    }
}
