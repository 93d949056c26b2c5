package jp.madoguchi.application.port.out;

import java.util.Optional;
import java.util.Set;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** Staff user accounts. */
public interface StaffAccounts {

    Optional<StaffAccount> find(String username);

    void add(StaffAccount account);

    /** A stored account; {@code passwordHash} is the output of {@link PasswordHashes}. */
    record StaffAccount(LocalGovernmentCode city, String username, String displayName, String passwordHash,
                        Set<String> roles, boolean enabled) {
        public StaffAccount {
            roles = Set.copyOf(roles);
        }

        @Override
        public String toString() {
            return "StaffAccount[" + username + ", roles=" + roles + "]";
        }
    }
}
