package jp.madoguchi.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.StaffSessions;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/** Login sessions in PostgreSQL, shared by every server on the database. */
@Singleton
public class JdbiStaffSessions implements StaffSessions {

    private final Jdbi jdbi;

    public JdbiStaffSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void open(StaffSession s) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO staff_session (id, city_code, username, started_at, expires_at, second_factor_at)
                        VALUES (:id, :city, :username, :startedAt, :expiresAt, :secondFactorAt)""")
                .bind("secondFactorAt", s.secondFactorAt() == null ? null : utc(s.secondFactorAt()))
                .bind("id", s.id())
                .bind("city", s.city().value())
                .bind("username", s.username())
                .bind("startedAt", utc(s.startedAt()))
                .bind("expiresAt", utc(s.expiresAt()))
                .execute());
    }

    @Override
    public Optional<StaffSession> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM staff_session WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> session(rs))
                .findOne());
    }

    @Override
    public void end(String id, Instant at, String reason) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE staff_session SET ended_at = :at, ended_reason = :reason WHERE id = :id AND ended_at IS NULL""")
                .bind("id", id).bind("at", utc(at)).bind("reason", reason).execute());
    }

    @Override
    public int endAllOf(String username, Instant at, String reason) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE staff_session SET ended_at = :at, ended_reason = :reason
                        WHERE username = :username AND ended_at IS NULL""")
                .bind("username", username).bind("at", utc(at)).bind("reason", reason).execute());
    }

    @Override
    public int endOthers(String username, String keep, Instant at, String reason) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE staff_session SET ended_at = :at, ended_reason = :reason
                        WHERE username = :username AND ended_at IS NULL AND id <> :keep""")
                .bind("username", username).bind("keep", keep == null ? "" : keep).bind("at", utc(at))
                .bind("reason", reason).execute());
    }

    @Override
    public void confirmSecondFactor(String id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE staff_session SET second_factor_at = :at WHERE id = :id")
                .bind("id", id).bind("at", utc(at)).execute());
    }

    private static StaffSession session(ResultSet rs) throws SQLException {
        OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
        OffsetDateTime secondFactor = rs.getObject("second_factor_at", OffsetDateTime.class);
        return new StaffSession(rs.getString("id"), new LocalGovernmentCode(rs.getString("city_code")),
                rs.getString("username"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), ended == null ? null : ended.toInstant(),
                rs.getString("ended_reason"), secondFactor == null ? null : secondFactor.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
