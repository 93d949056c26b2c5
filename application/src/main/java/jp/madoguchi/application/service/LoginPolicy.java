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
 */
public record LoginPolicy(int lockoutThreshold, Duration lockoutDuration, boolean secondFactorForEveryone,
                          String issuer) {

    public LoginPolicy {
        if (lockoutThreshold < 1) {
            throw new Rejection("login.lockout-failures-invalid", "ロックまでの失敗回数は1以上にしてください");
        }
    }
}
