package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.madoguchi.application.port.in.ManageStaffUseCase;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.PasswordHashes;
import jp.madoguchi.application.port.out.StaffAccounts;
import jp.madoguchi.application.port.out.StaffAccounts.StaffAccount;
import jp.madoguchi.application.port.out.StaffRoles;
import jp.madoguchi.application.port.out.StaffSessions;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.StaffRoles.StaffRole;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.audit.AuditEntry;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.domain.staff.PasswordPolicy;
import jp.madoguchi.domain.staff.Permission;

/** Accounts and roles, as administrators and the installation manage them; each change is in the access history. */
public final class StaffAdministrationService implements ManageStaffUseCase, RegisterStaffAccountUseCase {

    /** The roles every installation starts with; a city renames, changes or adds to them on the page. */
    static final List<DefaultRole> DEFAULT_ROLES = List.of(
            new DefaultRole("CLERK", "窓口担当", EnumSet.of(Permission.RECEPTION, Permission.RESIDENT_SEARCH)),
            new DefaultRole("NUMBER_CLERK", "個人番号利用事務担当", EnumSet.of(Permission.RECEPTION,
                    Permission.RESIDENT_SEARCH, Permission.INDIVIDUAL_NUMBER_REVEAL)),
            new DefaultRole("SUPERVISOR", "統計担当（監督者）", EnumSet.of(Permission.STATISTICS)),
            new DefaultRole("MANAGER", "所属長（職員別の統計も閲覧）", EnumSet.of(Permission.STATISTICS,
                    Permission.STATISTICS_BY_STAFF)),
            new DefaultRole("ADMINISTRATOR", "システム管理者", EnumSet.of(Permission.LINKAGE, Permission.TERMINALS,
                    Permission.ACCOUNTS, Permission.PROCEDURE_RULES, Permission.FORMS)),
            new DefaultRole("AUDITOR", "監査担当", EnumSet.of(Permission.AUDIT)));

    record DefaultRole(String name, String label, Set<Permission> permissions) {
    }

    private final StaffAccounts accounts;
    private final StaffRoles roles;
    private final PasswordHashes hashes;
    private final AuditTrail trail;
    private final Clock clock;

    private final Transactions transactions;

    public StaffAdministrationService(StaffAccounts accounts, StaffRoles roles, PasswordHashes hashes, AuditTrail trail,
                                      Transactions transactions, StaffSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.accounts = accounts;
        this.roles = roles;
        this.hashes = hashes;
        this.trail = trail;
        this.clock = clock;
    }

    private final StaffSessions sessions;

    @Override
    public void ensureDefaultRoles(LocalGovernmentCode city) {
        for (DefaultRole role : DEFAULT_ROLES) {
            if (roles.find(city, role.name()).isEmpty()) {
                roles.save(new StaffRole(city, role.name(), role.label(), role.permissions(), ""));
            }
        }
    }

    @Override
    public boolean registerIfAbsent(RegisterStaffCommand command) {
        if (accounts.find(command.username()).isPresent()) {
            return false;
        }
        accounts.add(StaffAccount.create(command.city(), command.username(), command.displayName(),
                hashes.hash(command.password()), command.roles()));
        if (command.secondFactorSecret() != null) {
            accounts.setPendingSecondFactor(command.username(), command.secondFactorSecret());
            accounts.activateSecondFactor(command.username(), 0);
        }
        return true;
    }

    @Override
    public String registerFirstAdministrator(LocalGovernmentCode city, String username, String displayName, Operator by) {
        if (!accounts.list(city).isEmpty()) {
            throw new Rejection("staff.first-administrator-exists",
                    "この市区町村にはもう職員が登録されています。職員の追加は管理画面「職員と役割」で行ってください");
        }
        ensureDefaultRoles(city);
        String once = oneTimePassword(username);
        RegisterStaffCommand command = new RegisterStaffCommand(city, username, displayName, once,
                Set.of("ADMINISTRATOR"));
        String hash = hashes.hash(command.password());
        transactions.inTransaction(() -> {
            accounts.add(StaffAccount.create(city, username, displayName, hash, command.roles()));
            accounts.setPassword(username, hash, true);
            record(city, by, "最初の管理者の登録: " + username + "（一時パスワード、初回ログインで変更）");
        });
        return once;
    }

    @Override
    public List<AccountSummary> accounts(LocalGovernmentCode city) {
        return accounts.list(city).stream()
                .map(a -> new AccountSummary(a.username(), a.displayName(), new TreeSet<>(a.roles()), a.enabled(),
                        a.lockedAt(clock.instant()), a.lockedUntil(), a.failedLogins(), a.secondFactorSecret() != null,
                        a.version(), a.validFrom(), a.validUntil()))
                .toList();
    }

    @Override
    public List<StaffRole> roles(LocalGovernmentCode city) {
        return roles.list(city).stream().sorted(Comparator.comparing(StaffRole::name)).toList();
    }

    @Override
    public void createAccount(CreateAccountCommand command) {
        requireKnownRoles(command.city(), command.roles());
        if (accounts.find(command.username()).isPresent()) {
            throw new Rejection("staff.username-taken", "ユーザーID「" + command.username() + "」はもう使われています");
        }
        String hash = hashes.hash(command.password());
        transactions.inTransaction(() -> {
            accounts.add(StaffAccount.create(command.city(), command.username(), command.displayName(), hash,
                    command.roles()));
            record(command.city(), command.by(), "職員の登録: " + command.username() + "（役割 "
                    + String.join("・", new TreeSet<>(command.roles())) + "）");
        });
    }

    @Override
    public void updateAccount(UpdateAccountCommand command) {
        requireKnownRoles(command.city(), command.roles());
        StaffAccount before = accountOf(command.city(), command.username());
        if (command.by().id().equals(command.username()) && !command.enabled()) {
            throw new Rejection("staff.cannot-disable-self", "自分のアカウントは無効にできません");
        }
        transactions.inTransaction(() -> {
            accounts.update(command.username(), command.displayName(), command.roles(), command.enabled(),
                    command.version());
            // a disabled account or changed roles: the member's logins end now, on every server
            if (!command.enabled() || !before.roles().equals(command.roles())) {
                sessions.endAllOf(command.username(), clock.instant(), command.enabled() ? "役割の変更" : "アカウントを無効にした");
            }
            record(command.city(), command.by(), "職員の変更: " + command.username() + "（役割 "
                    + String.join("・", new TreeSet<>(before.roles())) + " → " + String.join("・", new TreeSet<>(command.roles()))
                    + (before.enabled() != command.enabled() ? command.enabled() ? "、有効にした" : "、無効にした" : "") + "）");
        });
    }

    @Override
    public void resetPassword(LocalGovernmentCode city, String username, String newPassword, Operator by) {
        accountOf(city, username);
        PasswordPolicy.require(username, newPassword);
        String hash = hashes.hash(newPassword);
        transactions.inTransaction(() -> {
            accounts.replacePasswordHash(username, hash);
            sessions.endAllOf(username, clock.instant(), "パスワードの再設定");
            record(city, by, "パスワードの再設定: " + username);
        });
    }

    @Override
    public void unlock(LocalGovernmentCode city, String username, Operator by) {
        accountOf(city, username);
        transactions.inTransaction(() -> {
            accounts.unlock(username);
            record(city, by, "ロックの解除: " + username);
        });
    }

    @Override
    public void resetSecondFactor(LocalGovernmentCode city, String username, Operator by) {
        accountOf(city, username);
        transactions.inTransaction(() -> {
            accounts.resetSecondFactor(username);
            sessions.endAllOf(username, clock.instant(), "二要素認証の再登録");
            record(city, by, "二要素認証の再登録を指示: " + username);
        });
    }

    @Override
    public void saveRole(SaveRoleCommand command) {
        boolean exists = roles.find(command.city(), command.name()).isPresent();
        if (!command.department().isEmpty() && !command.department().matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw new Rejection("staff.department-invalid", "担当課の指定が正しくありません: " + command.department());
        }
        transactions.inTransaction(() -> {
            roles.save(new StaffRole(command.city(), command.name(), command.label(), command.permissions(),
                    command.department()));
            record(command.city(), command.by(), (exists ? "役割の変更: " : "役割の追加: ") + command.name() + "（"
                    + command.permissions().stream().map(Permission::name).sorted().reduce((a, b) -> a + "・" + b).orElse("")
                    + "）" + (command.department().isEmpty() ? "" : " 担当課 " + command.department()));
        });
    }

    @Override
    public StaffImport importAccounts(ImportStaffCommand command) {
        StaffImportPlan plan = StaffImportPlan.of(command, accounts, roles, LocalDate.now(clock));
        if (!plan.problems().isEmpty()) {
            return new StaffImport(plan.problems(), List.of(), List.of());
        }
        // the passwords are made and hashed before the unit of work: no connection waits on the slow hashes
        List<CreatedAccount> created = new ArrayList<>();
        Map<String, String> hashesOf = new HashMap<>();
        for (StaffImportPlan.Entry entry : plan.entries()) {
            if (entry.existing() == null) {
                String once = oneTimePassword(entry.username());
                hashesOf.put(entry.username(), hashes.hash(once));
                created.add(new CreatedAccount(entry.username(), entry.displayName(), once));
            }
        }
        Instant now = clock.instant();
        List<String> changed = new ArrayList<>();
        transactions.inTransaction(() -> {
            for (StaffImportPlan.Entry entry : plan.entries()) {
                StaffAccount existing = entry.existing();
                if (existing == null) {
                    accounts.add(new StaffAccount(command.city(), entry.username(), entry.displayName(),
                            hashesOf.get(entry.username()), entry.roles(), true, 0, null, null, null, 0, 0, true,
                            entry.validFrom(), entry.validUntil()));
                    continue;
                }
                accounts.update(entry.username(), entry.displayName(), entry.roles(), existing.enabled(), existing.version());
                accounts.setValidity(entry.username(), entry.validFrom(), entry.validUntil());
                boolean ended = entry.validUntil() != null && entry.validUntil().isBefore(LocalDate.ofInstant(now, clock.getZone()));
                if (!existing.roles().equals(entry.roles()) || ended) {
                    sessions.endAllOf(entry.username(), now, ended ? "人事異動（有効期間の終了）" : "人事異動（役割の変更）");
                }
                changed.add(entry.username());
            }
            record(command.city(), command.by(), "職員の一括登録（人事異動）: 追加 " + created.size() + " 名"
                    + (created.isEmpty() ? "" : "（" + String.join("・", created.stream().map(CreatedAccount::username).toList()) + "）")
                    + "、変更 " + changed.size() + " 名" + (changed.isEmpty() ? "" : "（" + String.join("・", changed) + "）"));
        });
        return new StaffImport(List.of(), created, changed);
    }

    /** A one-time password the policy accepts for {@code username}, as the first administrator gets. */
    private static String oneTimePassword(String username) {
        String once = OneTimePassword.generate();
        while (!PasswordPolicy.problems(username, once).isEmpty()) {
            once = OneTimePassword.generate();
        }
        return once;
    }

    /** The account, if it is this city's: an administrator never touches another city's staff. */
    private StaffAccount accountOf(LocalGovernmentCode city, String username) {
        return accounts.find(username).filter(a -> a.city().equals(city))
                .orElseThrow(() -> new Rejection("staff.member-not-found", "ユーザーID「" + username + "」の職員はいません"));
    }

    private void requireKnownRoles(LocalGovernmentCode city, Set<String> names) {
        for (String name : names) {
            if (roles.find(city, name).isEmpty()) {
                throw new Rejection("staff.role-not-found", "役割「" + name + "」はありません");
            }
        }
    }

    private void record(LocalGovernmentCode city, Operator by, String detail) {
        trail.append(new AuditEntry(clock.instant(), city, by, by.terminal(), AuditAction.ADMINISTRATION, List.of(), "", detail));
    }
}
