package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import jp.madoguchi.application.port.in.AuthenticateStaffUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.OneTimePasswords;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.application.port.out.PasswordHashes;
import jp.madoguchi.application.port.out.StaffAccounts;
import jp.madoguchi.application.port.out.StaffAccounts.StaffAccount;
import jp.madoguchi.application.port.out.StaffRoles;
import jp.madoguchi.application.port.out.StaffSessions;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.audit.AuditEntry;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.domain.staff.Permission;

/**
 * Login: a locked account is refused before its password is even checked (so guessing stops during the lock),
 * wrong passwords and wrong codes both count towards the lock, and the messages never say which of user ID or
 * password was wrong. Every attempt is in the access history; the password never is.
 */
public final class StaffLoginService implements AuthenticateStaffUseCase {

    /** A typed user name is kept in the failure entry only this long: the field is not a place to store text. */
    private static final int USERNAME_IN_TRAIL = 64;
    private static final String WRONG = "ユーザーIDまたはパスワードが違います。";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H時mm分");

    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final StaffRoles roles;
    private final PasswordHashes hashes;
    private final OneTimePasswords oneTimePasswords;
    private final TwoDimensionalCodes codes;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;
    private final LocalGovernmentCode city;
    private final LoginPolicy policy;
    /** Hashed for unknown user IDs, so the answer takes as long as for a known one. */
    private final String decoyHash;

    /** @param city the city a failed login of an unknown user name is recorded under */
    public StaffLoginService(StaffAccounts accounts, StaffRoles roles, PasswordHashes hashes,
                             OneTimePasswords oneTimePasswords, TwoDimensionalCodes codes, AuditTrail trail,
                             Transactions transactions, StaffSessions sessions, Clock clock, LocalGovernmentCode city,
                             LoginPolicy policy) {
        this.sessions = sessions;
        this.codes = codes;
        this.accounts = accounts;
        this.roles = roles;
        this.hashes = hashes;
        this.oneTimePasswords = oneTimePasswords;
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.city = city;
        this.policy = policy;
        this.decoyHash = hashes.hash("decoy-password-never-used");
    }

    @Override
    public LoginOutcome logIn(LoginAttempt attempt) {
        Instant now = clock.instant();
        if (attempt.username().isEmpty() || attempt.password().isEmpty()) {
            return refuse(attempt, city, "入力なし", "ユーザーIDとパスワードを入力してください。");
        }
        // an unknown name, a wrong password and a locked account get the same words after the same work: the page
        // must not tell anyone which user names exist (the access history tells the auditor which it was)
        Optional<StaffAccount> found = accounts.find(attempt.username());
        if (found.isEmpty()) {
            hashes.matches(attempt.password(), decoyHash);
            return refuse(attempt, city, "存在しない利用者名", refused());
        }
        StaffAccount account = found.get();
        boolean passwordRight = hashes.matches(attempt.password(), account.passwordHash());
        if (account.lockedAt(now)) {
            return refuse(attempt, account.city(), "ロック中", refused());
        }
        if (!passwordRight) {
            return failure(attempt, account, "パスワードの誤り", refused()).refused();
        }
        if (!account.enabled()) {
            return refuse(attempt, account.city(), "無効なアカウント",
                    "このアカウントは使えなくなっています。システム管理者に確認してください。");
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        if (!account.validOn(today)) {
            // said only after the right password: the period is no hint to someone guessing names
            boolean early = account.validFrom() != null && today.isBefore(account.validFrom());
            return refuse(attempt, account.city(), early ? "有効期間の開始前" : "有効期間の終了後", early
                    ? "このアカウントは " + account.validFrom() + " から使えます。"
                    : "このアカウントの有効期間は " + account.validUntil() + " で終わりました。異動などで必要なときはシステム管理者に確認してください。");
        }
        Set<Permission> permissions = permissionsOf(account);
        // a member who may reveal 個人番号 gives the second factor at login too: the reveal asks for it again later
        boolean secondFactor = policy.secondFactorForEveryone()
                || permissions.stream().anyMatch(Permission::administrative)
                || permissions.contains(Permission.INDIVIDUAL_NUMBER_REVEAL);
        // a password someone else chose is replaced before the member goes on; checked before the code is used up
        String chosen = null;
        if (account.mustChangePassword()) {
            Optional<String> problem = newPasswordProblem(account, attempt);
            if (problem.isPresent()) {
                // the code is asked with it once the authenticator is set up; before that, the next page shows its QR
                return new LoginOutcome.PasswordChangeRequired(account.username(),
                        secondFactor && account.secondFactorSecret() != null, problem.get());
            }
            chosen = hashes.hash(attempt.newPassword());
        }
        long step = account.lastOneTimeStep();
        if (secondFactor) {
            SecondFactorCheck check = secondFactor(attempt, account, now);
            if (check instanceof SecondFactorCheck.Stopped stopped) {
                return stopped.next();
            }
            step = ((SecondFactorCheck.Passed) check).step();
        }
        // hashed before the unit of work, so no connection waits on the (deliberately slow) hash
        String rehashed = chosen == null && hashes.needsRehash(account.passwordHash()) ? hashes.hash(attempt.password()) : null;
        long usedStep = step;
        String newHash = chosen;
        String sessionId = newSessionId();
        transactions.inTransaction(() -> {
            accounts.recordLogin(account.username(), usedStep);
            sessions.open(new StaffSessions.StaffSession(sessionId, account.city(), account.username(), now,
                    sessionEnd(account, now), null, null, secondFactor ? now : null));
            if (rehashed != null) {
                accounts.replacePasswordHash(account.username(), rehashed);
            }
            if (newHash != null) {
                accounts.setPassword(account.username(), newHash, false);
                trail.append(new AuditEntry(now, account.city(), operator(account), attempt.terminal(),
                        AuditAction.ADMINISTRATION, List.of(), "", "パスワードの変更（初回ログイン）: " + account.username()));
            }
            trail.append(new AuditEntry(now, account.city(), operator(account), attempt.terminal(), AuditAction.LOGIN,
                    List.of(), "", secondFactor ? "ログイン（二要素認証）" : "ログイン"));
        });
        return new LoginOutcome.LoggedIn(new StaffMember(account.city(), account.username(), account.displayName(),
                account.roles(), permissions, departmentsOf(account)), sessionId);
    }

    /** Why the new password cannot be taken (none typed yet, too weak, the same as the old one), if it cannot. */
    private Optional<String> newPasswordProblem(StaffAccount account, LoginAttempt attempt) {
        if (attempt.newPassword().isEmpty()) {
            return Optional.of("このパスワードは管理者が発行した一時的なものです。ご自分で決めた新しいパスワードを入力してください。");
        }
        if (attempt.newPassword().equals(attempt.password())) {
            return Optional.of("新しいパスワードは、発行されたパスワードと違うものにしてください。");
        }
        try {
            jp.madoguchi.domain.staff.PasswordPolicy.require(account.username(), attempt.newPassword());
            return Optional.empty();
        } catch (IllegalArgumentException weak) {
            return Optional.of(weak.getMessage());
        }
    }

    /** The second factor passed (with its code's time step), or what the page shows instead. */
    private sealed interface SecondFactorCheck {
        record Passed(long step) implements SecondFactorCheck {
        }

        record Stopped(LoginOutcome next) implements SecondFactorCheck {
        }
    }

    private SecondFactorCheck secondFactor(LoginAttempt attempt, StaffAccount account, Instant now) {
        if (account.secondFactorSecret() != null) {
            if (attempt.oneTimeCode().isEmpty()) {
                return new SecondFactorCheck.Stopped(new LoginOutcome.SecondFactorRequired(account.username(),
                        "認証アプリに表示されている6桁の確認コードを入力してください。", account.mustChangePassword()));
            }
            OptionalLong step = oneTimePasswords.verify(account.secondFactorSecret(), attempt.oneTimeCode(), now,
                    account.lastOneTimeStep());
            if (step.isPresent()) {
                return new SecondFactorCheck.Passed(step.getAsLong());
            }
            Failure failed = failure(attempt, account, "確認コードの誤り", "確認コードが違います。");
            // still unlocked: ask again for the code; locked: say so (the password was right, so this tells no stranger)
            return new SecondFactorCheck.Stopped(failed.locked()
                    ? new LoginOutcome.Refused(failed.refused().message() + locked(now.plus(policy.lockoutDuration())))
                    : new LoginOutcome.SecondFactorRequired(account.username(), failed.refused().message()
                    + "認証アプリの最新のコードを入力してください。", account.mustChangePassword()));
        }
        String pending = account.pendingSecondFactorSecret();
        if (pending != null && !attempt.oneTimeCode().isEmpty()) {
            OptionalLong step = oneTimePasswords.verify(pending, attempt.oneTimeCode(), now, 0);
            if (step.isPresent()) {
                transactions.inTransaction(() -> {
                    accounts.activateSecondFactor(account.username(), step.getAsLong());
                    trail.append(new AuditEntry(now, account.city(), operator(account), attempt.terminal(),
                            AuditAction.ADMINISTRATION, List.of(), "", "二要素認証の登録: " + account.username()));
                });
                return new SecondFactorCheck.Passed(step.getAsLong());
            }
        }
        if (pending == null) {
            pending = oneTimePasswords.newSecret();
            accounts.setPendingSecondFactor(account.username(), pending);
        }
        String message = attempt.oneTimeCode().isEmpty()
                ? "この役割では二要素認証が必要です。認証アプリ（Google Authenticator、Microsoft Authenticator など）で"
                + "下のQRコードを読み取り、表示された6桁の確認コードを入力してください。"
                : "確認コードが違います。認証アプリに登録した「" + policy.issuer() + "」の最新のコードを入力してください。";
        String uri = oneTimePasswords.provisioningUri(policy.issuer(), account.username(), pending);
        return new SecondFactorCheck.Stopped(new LoginOutcome.SecondFactorEnrolment(account.username(), pending, uri,
                codes.qrPng(uri, 240), message, account.mustChangePassword()));
    }

    /** A counted failure: what to tell the person, and whether it has just locked the account. */
    private record Failure(LoginOutcome.Refused refused, boolean locked) {
    }

    /** The failure count and its access-history entry, in one unit of work. */
    private Failure failure(LoginAttempt attempt, StaffAccount account, String reason, String message) {
        return transactions.inTransaction(() -> countedFailure(attempt, account, reason, message));
    }

    private Failure countedFailure(LoginAttempt attempt, StaffAccount account, String reason, String message) {
        Instant lockUntil = clock.instant().plus(policy.lockoutDuration());
        int failures = accounts.recordFailedLogin(account.username(), policy.lockoutThreshold(), lockUntil);
        if (failures >= policy.lockoutThreshold()) {
            return new Failure(refuse(attempt, account.city(), reason + "、" + failures + "回目でロック", message), true);
        }
        return new Failure(refuse(attempt, account.city(), reason + "、" + failures + "回目", message), false);
    }

    /** The one answer to a refused name or password, the same whether the name exists, is locked, or not. */
    private String refused() {
        return WRONG + "続けて" + policy.lockoutThreshold() + "回間違えると、アカウントは"
                + policy.lockoutDuration().toMinutes() + "分間使えなくなります（その間は正しいパスワードでも入れません）。"
                + "急ぐときはシステム管理者に確認してください。";
    }

    private String locked(Instant until) {
        return "ログインに続けて失敗したため、このアカウントは" + TIME.format(until.atZone(clock.getZone()))
                + "まで使えません。急ぐときはシステム管理者にロックの解除を依頼してください。";
    }

    private LoginOutcome.Refused refuse(LoginAttempt attempt, LocalGovernmentCode where, String reason, String message) {
        String typed = attempt.username().isEmpty() ? "（空欄）"
                : attempt.username().substring(0, Math.min(attempt.username().length(), USERNAME_IN_TRAIL));
        trail.append(new AuditEntry(clock.instant(), where, Operator.staff(typed, typed), attempt.terminal(),
                AuditAction.LOGIN_FAILED, List.of(), "", "ログイン失敗（" + reason + "）"));
        return new LoginOutcome.Refused(message);
    }

    /** The union of the roles' departments, or all (empty) as soon as one role is not tied to a department. */
    private Set<String> departmentsOf(StaffAccount account) {
        Set<String> departments = new java.util.TreeSet<>();
        for (String role : account.roles()) {
            Optional<StaffRoles.StaffRole> found = roles.find(account.city(), role);
            if (found.isPresent() && found.get().department().isEmpty()) {
                return Set.of();
            }
            found.ifPresent(r -> departments.add(r.department()));
        }
        return departments;
    }

    private Set<Permission> permissionsOf(StaffAccount account) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String role : account.roles()) {
            roles.find(account.city(), role).ifPresent(r -> permissions.addAll(r.permissions()));
        }
        return permissions;
    }

    @Override
    public void loggedOut(LocalGovernmentCode where, String username, String terminal, String sessionId) {
        String name = accounts.find(username).map(StaffAccount::displayName).orElse(username);
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            if (sessionId != null && !sessionId.isBlank()) {
                sessions.end(sessionId, now, "ログアウト");
            }
            trail.append(new AuditEntry(now, where, Operator.staff(username, name), terminal,
                    AuditAction.LOGOUT, List.of(), "", "ログアウト"));
        });
    }

    @Override
    public void changePassword(ChangePasswordCommand command) {
        StaffAccount account = accounts.find(command.username()).filter(a -> a.city().equals(command.city()))
                .orElseThrow(() -> new Rejection("staff.account-unknown", "アカウントが見つかりません"));
        if (!hashes.matches(command.currentPassword(), account.passwordHash())) {
            throw new Rejection("staff.current-password-wrong", "いまのパスワードが違います。");
        }
        if (command.newPassword().equals(command.currentPassword())) {
            throw new Rejection("staff.password-unchanged", "新しいパスワードは、いまのパスワードと違うものにしてください。");
        }
        jp.madoguchi.domain.staff.PasswordPolicy.require(account.username(), command.newPassword());
        String hash = hashes.hash(command.newPassword());
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            accounts.setPassword(account.username(), hash, false);
            int others = sessions.endOthers(account.username(), command.sessionId(), now, "パスワードの変更");
            trail.append(new AuditEntry(now, account.city(), operator(account), command.terminal(),
                    AuditAction.ADMINISTRATION, List.of(), "", "パスワードの変更（本人）: " + account.username()
                    + (others > 0 ? "、ほかのログイン " + others + " 件を終了" : "")));
        });
    }

    @Override
    public boolean active(String sessionId) {
        return openSession(sessionId).isPresent();
    }

    @Override
    public Optional<StaffMember> resume(String sessionId) {
        return openSession(sessionId)
                .flatMap(session -> accounts.find(session.username()))
                .filter(StaffAccount::enabled)
                .filter(a -> a.validOn(LocalDate.now(clock)))
                .map(this::member);
    }

    /** The absolute lifetime, and never past the account's last day: an account ends on its own (人事異動). */
    private Instant sessionEnd(StaffAccount account, Instant now) {
        Instant end = now.plus(policy.sessionLifetime());
        if (account.validUntil() != null) {
            Instant lastDay = account.validUntil().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
            return end.isAfter(lastDay) ? lastDay : end;
        }
        return end;
    }

    private Optional<StaffSessions.StaffSession> openSession(String sessionId) {
        return sessionId == null || sessionId.isBlank() ? Optional.empty()
                : sessions.find(sessionId).filter(s -> s.activeAt(clock.instant()));
    }

    private StaffMember member(StaffAccount account) {
        return new StaffMember(account.city(), account.username(), account.displayName(), account.roles(),
                permissionsOf(account), departmentsOf(account));
    }

    /** A session id: 128 random bits, URL-safe; stored as is (it is no secret on its own: the token is signed). */
    private static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static Operator operator(StaffAccount account) {
        return Operator.staff(account.username(), account.displayName());
    }
}
