package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.application.port.out.StaffAccounts
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.Instant

/**
 * Staff accounts in memory, with the store's rules: failures counted up to a lock, versions checked on update and
 * bumped by the same changes as in PostgreSQL (StaffAccountsContract runs both).
 */
class InMemoryStaffAccounts implements StaffAccounts {

    final Map<String, StaffAccount> accounts = [:]

    @Override
    Optional<StaffAccount> find(String username) {
        Optional.ofNullable(accounts[username])
    }

    @Override
    List<StaffAccount> list(LocalGovernmentCode city) {
        accounts.values().findAll { it.city() == city }.sort { it.username() }
    }

    @Override
    void add(StaffAccount account) {
        if (accounts.containsKey(account.username())) {
            throw new IllegalStateException('duplicate user ' + account.username())
        }
        accounts[account.username()] = account
    }

    /** The account with some fields changed, named as the record's components. */
    private static StaffAccount copy(StaffAccount a, Map changes) {
        Map v = [displayName: a.displayName(), passwordHash: a.passwordHash(), roles: a.roles(), enabled: a.enabled(),
                 failedLogins: a.failedLogins(), lockedUntil: a.lockedUntil(), secondFactorSecret: a.secondFactorSecret(),
                 pendingSecondFactorSecret: a.pendingSecondFactorSecret(), lastOneTimeStep: a.lastOneTimeStep(),
                 version: a.version(), mustChangePassword: a.mustChangePassword(), validFrom: a.validFrom(),
                 validUntil: a.validUntil()] + changes
        new StaffAccount(a.city(), a.username(), v.displayName as String, v.passwordHash as String, v.roles as Set<String>,
                v.enabled as boolean, v.failedLogins as int, v.lockedUntil as Instant, v.secondFactorSecret as String,
                v.pendingSecondFactorSecret as String, v.lastOneTimeStep as long, v.version as int,
                v.mustChangePassword as boolean, v.validFrom as java.time.LocalDate, v.validUntil as java.time.LocalDate)
    }

    private void change(String username, Closure<Map> changes) {
        StaffAccount a = accounts[username]
        if (a != null) {
            accounts[username] = copy(a, changes(a))
        }
    }

    @Override
    int recordFailedLogin(String username, int threshold, Instant lockUntil) {
        change(username) { a ->
            int failures = a.failedLogins() + 1
            [failedLogins: failures, lockedUntil: failures >= threshold ? lockUntil : a.lockedUntil()]
        }
        accounts[username]?.failedLogins() ?: 0
    }

    @Override
    void recordLogin(String username, long oneTimeStep) {
        change(username) { a -> [failedLogins: 0, lockedUntil: null, lastOneTimeStep: Math.max(a.lastOneTimeStep(), oneTimeStep)] }
    }

    @Override
    void replacePasswordHash(String username, String hash) {
        change(username) { a -> [passwordHash: hash, version: a.version() + 1] }
    }

    @Override
    void setPassword(String username, String hash, boolean mustChange) {
        change(username) { a -> [passwordHash: hash, mustChangePassword: mustChange, version: a.version() + 1] }
    }

    @Override
    void setPendingSecondFactor(String username, String secret) {
        change(username) { a -> [pendingSecondFactorSecret: secret] }
    }

    @Override
    void activateSecondFactor(String username, long oneTimeStep) {
        change(username) { a ->
            [secondFactorSecret: a.pendingSecondFactorSecret(), pendingSecondFactorSecret: null,
             lastOneTimeStep: oneTimeStep, version: a.version() + 1]
        }
    }

    @Override
    void resetSecondFactor(String username) {
        change(username) { a ->
            [secondFactorSecret: null, pendingSecondFactorSecret: null, lastOneTimeStep: 0L, version: a.version() + 1]
        }
    }

    @Override
    void unlock(String username) {
        change(username) { a -> [failedLogins: 0, lockedUntil: null, version: a.version() + 1] }
    }

    @Override
    void update(String username, String displayName, Set<String> roles, boolean enabled, int version) {
        StaffAccount a = accounts[username]
        if (a == null || a.version() != version) {
            throw new ConcurrentUpdateException('職員「' + username + '」は他の管理者が先に更新しました')
        }
        accounts[username] = copy(a, [displayName: displayName, roles: roles, enabled: enabled, version: version + 1])
    }

    @Override
    void setValidity(String username, java.time.LocalDate from, java.time.LocalDate until) {
        change(username) { a -> [validFrom: from, validUntil: until, version: a.version() + 1] }
    }
}
