package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** Staff user accounts, with what login needs: the failure count, the lock and the second factor. */
public interface StaffAccounts {

    Optional<StaffAccount> find(String username);

    /** The city's accounts, by user ID. */
    List<StaffAccount> list(LocalGovernmentCode city);

    void add(StaffAccount account);

    /**
     * Counts one more failed login in one statement (two terminals guessing at once both count) and locks the
     * account until {@code lockUntil} when the count reaches {@code threshold}.
     *
     * @return the failures since the last successful login, this one included
     */
    int recordFailedLogin(String username, int threshold, Instant lockUntil);

    /** A successful login: the failure count and any lock are cleared, and the code's time step is kept. */
    void recordLogin(String username, long oneTimeStep);

    void replacePasswordHash(String username, String hash);

    /**
     * Sets the password the member chose and, with {@code mustChange}, asks for another at the next login (a password
     * someone else knows: the one-time password of the first administrator).
     */
    void setPassword(String username, String hash, boolean mustChange);

    /** A second-factor secret shown for enrolment, not yet confirmed with a code. */
    void setPendingSecondFactor(String username, String secret);

    /** Makes the pending secret the account's second factor. */
    void activateSecondFactor(String username, long oneTimeStep);

    /** Forgets both secrets: the member enrols again at the next login. */
    void resetSecondFactor(String username);

    /** Clears the failure count and the lock. */
    void unlock(String username);

    /**
     * Changes the name, roles and enabled flag, if nobody else changed the account since {@code version}.
     *
     * @throws ConcurrentUpdateException when somebody did
     */
    void update(String username, String displayName, Set<String> roles, boolean enabled, int version);

    /** The days the account may log in, both inclusive; {@code null} for no limit on that side. */
    void setValidity(String username, LocalDate from, LocalDate until);

    /**
     * A stored account; {@code passwordHash} is the output of {@link PasswordHashes}; the second-factor secrets are
     * opened (they are sealed at rest) and {@code null} when there is none.
     */
    record StaffAccount(LocalGovernmentCode city, String username, String displayName, String passwordHash,
                        Set<String> roles, boolean enabled, int failedLogins, Instant lockedUntil,
                        String secondFactorSecret, String pendingSecondFactorSecret, long lastOneTimeStep,
                        int version, boolean mustChangePassword, LocalDate validFrom, LocalDate validUntil) {
        public StaffAccount {
            roles = Set.copyOf(roles);
        }

        /** An account without limits on the days it may log in. */
        public StaffAccount(LocalGovernmentCode city, String username, String displayName, String passwordHash,
                            Set<String> roles, boolean enabled, int failedLogins, Instant lockedUntil,
                            String secondFactorSecret, String pendingSecondFactorSecret, long lastOneTimeStep,
                            int version, boolean mustChangePassword) {
            this(city, username, displayName, passwordHash, roles, enabled, failedLogins, lockedUntil, secondFactorSecret,
                    pendingSecondFactorSecret, lastOneTimeStep, version, mustChangePassword, null, null);
        }

        /** Whether {@code day} is within the account's 有効期間 (人事異動: from its first to its last day). */
        public boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
        }

        /** A new account, enabled, with no failures and no second factor yet. */
        public static StaffAccount create(LocalGovernmentCode city, String username, String displayName,
                                          String passwordHash, Set<String> roles) {
            return new StaffAccount(city, username, displayName, passwordHash, roles, true, 0, null, null, null, 0, 0, false);
        }

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        @Override
        public String toString() {
            return "StaffAccount[" + username + ", roles=" + roles + "]";
        }
    }
}
