package jp.madoguchi.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.AuthenticateStaffUseCase;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.PasswordHashes;
import jp.madoguchi.application.port.out.StaffAccounts;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.audit.AuditEntry;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

public final class StaffAccountService implements AuthenticateStaffUseCase, RegisterStaffAccountUseCase {

    /** A typed user name is kept in the failure entry only this long: the field is not a place to store text. */
    private static final int USERNAME_IN_TRAIL = 64;

    private final StaffAccounts accounts;
    private final PasswordHashes hashes;
    private final AuditTrail trail;
    private final Clock clock;
    private final LocalGovernmentCode city;

    /** @param city the city a failed login of an unknown user name is recorded under */
    public StaffAccountService(StaffAccounts accounts, PasswordHashes hashes, AuditTrail trail, Clock clock,
                               LocalGovernmentCode city) {
        this.accounts = accounts;
        this.hashes = hashes;
        this.trail = trail;
        this.clock = clock;
        this.city = city;
    }

    @Override
    public Optional<StaffMember> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<StaffAccounts.StaffAccount> account = accounts.find(username.strip());
        Optional<StaffMember> member = account
                .filter(StaffAccounts.StaffAccount::enabled)
                .filter(a -> hashes.matches(password, a.passwordHash()))
                .map(a -> new StaffMember(a.city(), a.username(), a.displayName(), a.roles()));
        if (member.isPresent()) {
            trail.append(new AuditEntry(clock.instant(), member.get().city(),
                    Operator.staff(member.get().username(), member.get().displayName()), "", AuditAction.LOGIN, List.of(), "", "ログイン"));
        } else {
            String typed = username.strip();
            typed = typed.isEmpty() ? "（空欄）" : typed.substring(0, Math.min(typed.length(), USERNAME_IN_TRAIL));
            String why = account.isEmpty() ? "存在しない利用者名" : account.get().enabled() ? "パスワードの誤り" : "無効なアカウント";
            trail.append(new AuditEntry(clock.instant(), account.map(StaffAccounts.StaffAccount::city).orElse(city),
                    Operator.staff(typed, typed), "", AuditAction.LOGIN_FAILED, List.of(), "", "ログイン失敗（" + why + "）"));
        }
        return member;
    }

    @Override
    public boolean registerIfAbsent(RegisterStaffCommand command) {
        if (accounts.find(command.username()).isPresent()) {
            return false;
        }
        accounts.add(new StaffAccounts.StaffAccount(command.city(), command.username(), command.displayName(),
                hashes.hash(command.password()), command.roles(), true));
        return true;
    }
}
