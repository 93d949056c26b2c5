package jp.madoguchi.application.port.in;

import jp.madoguchi.domain.shared.Operator;

import java.util.Set;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 職員アカウントの登録 at installation (the demo accounts); administrators use {@link ManageStaffUseCase}. */
public interface RegisterStaffAccountUseCase {

    /** Adds the standard roles (窓口担当, 監査担当 …) the city does not have yet; changed ones stay as they are. */
    void ensureDefaultRoles(LocalGovernmentCode city);

    /** Registers the account unless the username exists; returns whether it was created. */
    boolean registerIfAbsent(RegisterStaffCommand command);

    /**
     * 最初の管理者: the installation's first account, with the roles of a system administrator and a one-time password
     * that must be replaced at the first login (together with the second factor's enrolment, which administrators
     * need). Refused when the city already has members of staff.
     *
     * @return the one-time password, to be shown once and kept nowhere
     */
    String registerFirstAdministrator(LocalGovernmentCode city, String username, String displayName, Operator by);

    /** @param secondFactorSecret a TOTP secret set up in advance (the demo's), or {@code null} to enrol at login */
    record RegisterStaffCommand(LocalGovernmentCode city, String username, String displayName, String password,
                                Set<String> roles, String secondFactorSecret) {
        public RegisterStaffCommand {
            StaffAccountRules.requireUserId(username);
            StaffAccountRules.requirePassword(username, password);
            StaffAccountRules.requireRoles(roles);
            roles = Set.copyOf(roles);
        }

        public RegisterStaffCommand(LocalGovernmentCode city, String username, String displayName, String password,
                                    Set<String> roles) {
            this(city, username, displayName, password, roles, null);
        }

        @Override
        public String toString() {
            return "RegisterStaffCommand[" + username + ", roles=" + roles + "]";
        }
    }
}
