package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.application.port.out.StaffAccounts
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.Instant

/** Staff accounts in memory, with the store's rules: failures counted up to a lock, versions checked on update. */
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

    private void change(String username, Closure<StaffAccount> how) {
        StaffAccount a = accounts[username]
        if (a != null) {
            accounts[username] = how(a)
        }
    }

    @Override
    int recordFailedLogin(String username, int threshold, Instant lockUntil) {
        change(username) { a ->
            int failures = a.failedLogins() + 1
            new StaffAccount(a.city(), a.username(), a.displayName(), a.passwordHash(), a.roles(), a.enabled(), failures,
                    failures >= threshold ? lockUntil : a.lockedUntil(), a.secondFactorSecret(),
                    a.pendingSecondFactorSecret(), a.lastOneTimeStep(), a.version())
        }
        accounts[username]?.failedLogins() ?: 0
    }

    @Override
    void recordLogin(String username, long oneTimeStep) {
        change(username) { a ->
            new StaffAccount(a.city(), a.username(), a.displayName(), a.passwordHash(), a.roles(), a.enabled(), 0, null,
                    a.secondFactorSecret(), a.pendingSecondFactorSecret(), Math.max(a.lastOneTimeStep(), oneTimeStep), a.version())
        }
    }

    @Override
    void replacePasswordHash(String username, String hash) {
        change(username) { a ->
            new StaffAccount(a.city(), a.username(), a.displayName(), hash, a.roles(), a.enabled(), a.failedLogins(),
                    a.lockedUntil(), a.secondFactorSecret(), a.pendingSecondFactorSecret(), a.lastOneTimeStep(), a.version() + 1)
        }
    }

    @Override
    void setPendingSecondFactor(String username, String secret) {
        change(username) { a ->
            new StaffAccount(a.city(), a.username(), a.displayName(), a.passwordHash(), a.roles(), a.enabled(),
                    a.failedLogins(), a.lockedUntil(), a.secondFactorSecret(), secret, a.lastOneTimeStep(), a.version())
        }
    }

    @Override
    void activateSecondFactor(String username, long oneTimeStep) {
        change(username) { a ->
            new StaffAccount(a.city(), a.username(), a.displayName(), a.passwordHash(), a.roles(), a.enabled(),
                    a.failedLogins(), a.lockedUntil(), a.pendingSecondFactorSecret(), null, oneTimeStep, a.version() + 1)
        }
    }

    @Override
    void resetSecondFactor(String username) {
        change(username) { a ->
            new StaffAccount(a.city(), a.username(), a.displayName(), a.passwordHash(), a.roles(), a.enabled(),
                    a.failedLogins(), a.lockedUntil(), null, null, 0, a.version() + 1)
        }
    }

    @Override
    void unlock(String username) {
        change(username) { a ->
            new StaffAccount(a.city(), a.username(), a.displayName(), a.passwordHash(), a.roles(), a.enabled(), 0, null,
                    a.secondFactorSecret(), a.pendingSecondFactorSecret(), a.lastOneTimeStep(), a.version() + 1)
        }
    }

    @Override
    void update(String username, String displayName, Set<String> roles, boolean enabled, int version) {
        StaffAccount a = accounts[username]
        if (a == null || a.version() != version) {
            throw new ConcurrentUpdateException('職員「' + username + '」は他の管理者が先に更新しました')
        }
        accounts[username] = new StaffAccount(a.city(), a.username(), displayName, a.passwordHash(), roles, enabled,
                a.failedLogins(), a.lockedUntil(), a.secondFactorSecret(), a.pendingSecondFactorSecret(),
                a.lastOneTimeStep(), version + 1)
    }
}
