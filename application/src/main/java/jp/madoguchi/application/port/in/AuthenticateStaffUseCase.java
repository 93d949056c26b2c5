package jp.madoguchi.application.port.in;

import java.util.Optional;
import java.util.Set;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 職員のログイン. */
public interface AuthenticateStaffUseCase {

    /** The member of staff when the credentials are right and the account is enabled. */
    Optional<StaffMember> authenticate(String username, String password);

    record StaffMember(LocalGovernmentCode city, String username, String displayName, Set<String> roles) {
        public StaffMember {
            roles = Set.copyOf(roles);
        }
    }
}
