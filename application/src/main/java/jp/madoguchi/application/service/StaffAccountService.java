package jp.madoguchi.application.service;

import java.util.Optional;

import jp.madoguchi.application.port.in.AuthenticateStaffUseCase;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase;
import jp.madoguchi.application.port.out.PasswordHashes;
import jp.madoguchi.application.port.out.StaffAccounts;

public final class StaffAccountService implements AuthenticateStaffUseCase, RegisterStaffAccountUseCase {

    private final StaffAccounts accounts;
    private final PasswordHashes hashes;

    public StaffAccountService(StaffAccounts accounts, PasswordHashes hashes) {
        this.accounts = accounts;
        this.hashes = hashes;
    }

    @Override
    public Optional<StaffMember> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        return accounts.find(username.strip())
                .filter(StaffAccounts.StaffAccount::enabled)
                .filter(a -> hashes.matches(password, a.passwordHash()))
                .map(a -> new StaffMember(a.city(), a.username(), a.displayName(), a.roles()));
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
