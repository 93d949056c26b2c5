package jp.madoguchi.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.SensitiveItems;
import jp.madoguchi.application.port.out.StaffAccounts;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/** Staff accounts in PostgreSQL; the TOTP secrets sealed like a 個人番号, so a database copy does not hold them. */
@Singleton
public class JdbiStaffAccounts implements StaffAccounts {

    static final String SECRET_ITEM = "二要素認証の秘密鍵";
    private static final String COLUMNS = """
            city_code, username, display_name, password_hash, roles, enabled, failed_logins, locked_until,
            totp_secret, totp_pending, totp_last_step, version, must_change_password, valid_from, valid_until""";

    private final Jdbi jdbi;
    private final SensitiveItems sensitive;

    public JdbiStaffAccounts(Jdbi jdbi, SensitiveItems sensitive) {
        this.jdbi = jdbi;
        this.sensitive = sensitive;
    }

    @Override
    public Optional<StaffAccount> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM staff_account WHERE username = :username")
                .bind("username", username)
                .map((rs, ctx) -> account(rs))
                .findOne());
    }

    @Override
    public List<StaffAccount> list(LocalGovernmentCode city) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM staff_account WHERE city_code = :city ORDER BY username")
                .bind("city", city.value())
                .map((rs, ctx) -> account(rs))
                .list());
    }

    private StaffAccount account(ResultSet rs) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new StaffAccount(new LocalGovernmentCode(rs.getString("city_code")), rs.getString("username"),
                rs.getString("display_name"), rs.getString("password_hash"),
                new HashSet<>(Arrays.asList((String[]) rs.getArray("roles").getArray())), rs.getBoolean("enabled"),
                rs.getInt("failed_logins"), locked == null ? null : locked.toInstant(),
                open(rs.getString("username"), rs.getBytes("totp_secret")), open(rs.getString("username"), rs.getBytes("totp_pending")),
                rs.getLong("totp_last_step"),
                rs.getInt("version"), rs.getBoolean("must_change_password"),
                rs.getObject("valid_from", java.time.LocalDate.class), rs.getObject("valid_until", java.time.LocalDate.class));
    }

    private String open(String username, byte[] sealed) {
        return sealed == null ? null : sensitive.open(SECRET_ITEM, secretPlace(username), sealed);
    }

    /**
     * The member's second-factor secret, bound to the account: one column name for the pending and the enrolled
     * secret, since enrolment moves the sealed bytes from one to the other.
     */
    private static SensitiveItems.Place secretPlace(String username) {
        return new SensitiveItems.Place("staff_account", "totp", username);
    }

    @Override
    public void add(StaffAccount account) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO staff_account (city_code, username, display_name, password_hash, roles, enabled,
                                                   must_change_password, valid_from, valid_until)
                        VALUES (:city, :username, :displayName, :hash, :roles, :enabled, :mustChange, :validFrom, :validUntil)""")
                .bind("mustChange", account.mustChangePassword())
                .bind("validFrom", account.validFrom())
                .bind("validUntil", account.validUntil())
                .bind("city", account.city().value())
                .bind("username", account.username())
                .bind("displayName", account.displayName())
                .bind("hash", account.passwordHash())
                .bind("roles", sorted(account.roles()))
                .bind("enabled", account.enabled())
                .execute());
    }

    @Override
    public int recordFailedLogin(String username, int threshold, Instant lockUntil) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE staff_account SET failed_logins = failed_logins + 1,
                            locked_until = CASE WHEN failed_logins + 1 >= :threshold THEN :until ELSE locked_until END
                        WHERE username = :username RETURNING failed_logins""")
                .bind("username", username)
                .bind("threshold", threshold)
                .bind("until", OffsetDateTime.ofInstant(lockUntil, ZoneOffset.UTC))
                .mapTo(Integer.class)
                .findOne().orElse(0));
    }

    @Override
    public void recordLogin(String username, long oneTimeStep) {
        update("failed_logins = 0, locked_until = NULL, totp_last_step = greatest(totp_last_step, :step)", username,
                oneTimeStep);
    }

    @Override
    public void replacePasswordHash(String username, String hash) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE staff_account SET password_hash = :hash, version = version + 1 WHERE username = :username""")
                .bind("username", username).bind("hash", hash).execute());
    }

    @Override
    public void setPassword(String username, String hash, boolean mustChange) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE staff_account SET password_hash = :hash, must_change_password = :mustChange, version = version + 1
                        WHERE username = :username""")
                .bind("username", username).bind("hash", hash).bind("mustChange", mustChange).execute());
    }

    @Override
    public void setPendingSecondFactor(String username, String secret) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE staff_account SET totp_pending = :secret WHERE username = :username")
                .bind("username", username).bind("secret", sensitive.seal(SECRET_ITEM, secretPlace(username), secret)).execute());
    }

    @Override
    public void activateSecondFactor(String username, long oneTimeStep) {
        update("totp_secret = totp_pending, totp_pending = NULL, totp_last_step = :step, version = version + 1",
                username, oneTimeStep);
    }

    @Override
    public void resetSecondFactor(String username) {
        update("totp_secret = NULL, totp_pending = NULL, version = version + 1", username, 0);
    }

    @Override
    public void unlock(String username) {
        update("failed_logins = 0, locked_until = NULL, version = version + 1", username, 0);
    }

    private void update(String set, String username, long step) {
        jdbi.useHandle(h -> {
            var update = h.createUpdate("UPDATE staff_account SET " + set + " WHERE username = :username")
                    .bind("username", username);
            if (set.contains(":step")) {
                update.bind("step", step);
            }
            update.execute();
        });
    }

    @Override
    public void update(String username, String displayName, Set<String> roles, boolean enabled, int version) {
        int changed = jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE staff_account SET display_name = :name, roles = :roles, enabled = :enabled,
                            version = version + 1
                        WHERE username = :username AND version = :version""")
                .bind("username", username)
                .bind("name", displayName)
                .bind("roles", sorted(roles))
                .bind("enabled", enabled)
                .bind("version", version)
                .execute());
        if (changed == 0) {
            throw new ConcurrentUpdateException("職員「" + username + "」は、この画面を開いた後にほかの管理者が変更しています。"
                    + "一覧を開き直して、最新の内容に対してもう一度変更してください。");
        }
    }

    @Override
    public void setValidity(String username, java.time.LocalDate from, java.time.LocalDate until) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE staff_account SET valid_from = :from, valid_until = :until, version = version + 1 WHERE username = :username")
                .bind("username", username).bind("from", from).bind("until", until).execute());
    }

    private static String[] sorted(Set<String> roles) {
        return roles.stream().sorted().toArray(String[]::new);
    }
}
