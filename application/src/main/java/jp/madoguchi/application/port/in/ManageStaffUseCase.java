package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jp.madoguchi.application.port.out.StaffRoles.StaffRole;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.domain.staff.Permission;

/**
 * 職員と役割の管理 for administrators: accounts, their roles, locks and second factors, and the roles themselves
 * (which permissions each grants). Every change is recorded in the access history. Changed permissions apply
 * from the member's next login.
 */
public interface ManageStaffUseCase {

    List<AccountSummary> accounts(LocalGovernmentCode city);

    List<StaffRole> roles(LocalGovernmentCode city);

    /** @throws IllegalArgumentException with the message for the page when the input is not acceptable */
    void createAccount(CreateAccountCommand command);

    /** @throws jp.madoguchi.application.port.out.ConcurrentUpdateException when another administrator changed it */
    void updateAccount(UpdateAccountCommand command);

    void resetPassword(LocalGovernmentCode city, String username, String newPassword, Operator by);

    void unlock(LocalGovernmentCode city, String username, Operator by);

    void resetSecondFactor(LocalGovernmentCode city, String username, Operator by);

    void saveRole(SaveRoleCommand command);

    /** An account as the list shows it: no hashes, no secrets. */
    record AccountSummary(String username, String displayName, Set<String> roles, boolean enabled,
                          boolean locked, Instant lockedUntil, int failedLogins, boolean secondFactor, int version) {
    }

    record CreateAccountCommand(LocalGovernmentCode city, String username, String displayName, String password,
                                Set<String> roles, Operator by) {
        public CreateAccountCommand {
            StaffAccountRules.requireUserId(username);
            if (displayName == null || displayName.isBlank()) {
                throw new Rejection("staff.display-name-missing", "氏名（画面の表示名）を入力してください");
            }
            StaffAccountRules.requirePassword(username, password);
            StaffAccountRules.requireRoles(roles);
            roles = Set.copyOf(roles);
        }

        @Override
        public String toString() {
            return "CreateAccountCommand[" + username + ", roles=" + roles + "]";
        }
    }

    record UpdateAccountCommand(LocalGovernmentCode city, String username, String displayName, Set<String> roles,
                                boolean enabled, int version, Operator by) {
        public UpdateAccountCommand {
            if (displayName == null || displayName.isBlank()) {
                throw new Rejection("staff.display-name-missing", "氏名（画面の表示名）を入力してください");
            }
            StaffAccountRules.requireRoles(roles);
            roles = Set.copyOf(roles);
        }
    }

    record SaveRoleCommand(LocalGovernmentCode city, String name, String label, Set<Permission> permissions,
                           String department, Operator by) {
        public SaveRoleCommand {
            if (name == null || !name.matches("[A-Z][A-Z0-9_]{1,31}")) {
                throw new Rejection("staff.role-id-format", "役割IDは英大文字で始まる2〜32文字の英大文字・数字・_ です（例: KOKUHO_CLERK）");
            }
            if (label == null || label.isBlank()) {
                throw new Rejection("staff.role-name-missing", "役割の名前を入力してください");
            }
            if (permissions == null || permissions.isEmpty()) {
                throw new Rejection("staff.permissions-missing", "権限を一つ以上選んでください");
            }
            permissions = Set.copyOf(permissions);
        }
    }
}
