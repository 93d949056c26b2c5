package jp.madoguchi.adapters.persistence;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.StaffAccounts;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

@Singleton
public class JdbcStaffAccounts implements StaffAccounts {

    private final Jdbi jdbi;

    public JdbcStaffAccounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<StaffAccount> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT city_code, username, display_name, password_hash, roles, enabled
                        FROM staff_account WHERE username = :username""")
                .bind("username", username)
                .map((rs, ctx) -> new StaffAccount(new LocalGovernmentCode(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), new HashSet<>(Arrays.asList((String[]) rs.getArray(5).getArray())),
                        rs.getBoolean(6)))
                .findOne());
    }

    @Override
    public void add(StaffAccount account) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO staff_account (city_code, username, display_name, password_hash, roles, enabled)
                        VALUES (:city, :username, :displayName, :hash, :roles, :enabled)""")
                .bind("city", account.city().value())
                .bind("username", account.username())
                .bind("displayName", account.displayName())
                .bind("hash", account.passwordHash())
                .bind("roles", account.roles().stream().sorted().toArray(String[]::new))
                .bind("enabled", account.enabled())
                .execute());
    }
}
