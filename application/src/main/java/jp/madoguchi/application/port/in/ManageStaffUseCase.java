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

    /**
     * 人事異動の一括登録: each row adds a member (with a one-time password, changed at the first login) or changes one
     * (name, roles, 有効期間); members not in the file stay as they are. All or nothing: any problem and nothing
     * changes, and every problem is named with its line.
     */
    StaffImport importAccounts(ImportStaffCommand command);

    /** One row of the file, as typed: {@code roles} are role IDs separated by spaces, 「・」 or 「;」. */
    record StaffImportRow(int line, String username, String displayName, String roles, String validFrom, String validUntil) {
    }

    record ImportStaffCommand(LocalGovernmentCode city, List<StaffImportRow> rows, Operator by) {
        public ImportStaffCommand {
            rows = List.copyOf(rows);
        }
    }

    /** What an import did: the problems (then nothing changed), or the members added (with their passwords) and changed. */
    record StaffImport(List<String> problems, List<CreatedAccount> created, List<String> changed) {
        public StaffImport {
            problems = List.copyOf(problems);
            created = List.copyOf(created);
            changed = List.copyOf(changed);
        }

        public boolean applied() {
            return problems.isEmpty();
        }
    }

    /** A member the import added, with the one-time password to hand over (shown once, stored only as a hash). */
    record CreatedAccount(String username, String displayName, String oneTimePassword) {
        @Override
        public String toString() {
            return "CreatedAccount[" + username + "]";
        }
    }

    /** An account as the list shows it: no hashes, no secrets. */
    record AccountSummary(String username, String displayName, Set<String> roles, boolean enabled,
                          boolean locked, Instant lockedUntil, int failedLogins, boolean secondFactor, int version,
                          java.time.LocalDate validFrom, java.time.LocalDate validUntil) {
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
