package jp.madoguchi.adapters.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.out.AlertLog;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The alerts in {@code operations_alert}. */
public final class JdbiAlertLog implements AlertLog {

    private static final RowMapper<Alert> ALERT = (rs, ctx) -> new Alert(rs.getLong("id"),
            rs.getObject("raised_at", OffsetDateTime.class).toInstant(), rs.getObject("last_at", OffsetDateTime.class).toInstant(),
            rs.getString("source"), rs.getString("message"), rs.getInt("repeats"), rs.getString("sent_to"),
            rs.getString("send_error"));

    private final Jdbi jdbi;

    public JdbiAlertLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Alert> recent(String source, String message, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM operations_alert WHERE source = :source AND message = :message AND raised_at >= :since
                         ORDER BY raised_at DESC LIMIT 1""")
                .bind("source", source).bind("message", message).bind("since", at(since)).map(ALERT).findOne());
    }

    @Override
    public Alert add(Instant at, String source, String message) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO operations_alert (raised_at, last_at, source, message) VALUES (:at, :at, :source, :message)
                        RETURNING *""")
                .bind("at", at(at)).bind("source", source).bind("message", message).map(ALERT).one());
    }

    @Override
    public void repeated(long id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE operations_alert SET repeats = repeats + 1, last_at = :at WHERE id = :id")
                .bind("id", id).bind("at", at(at)).execute());
    }

    @Override
    public void sent(long id, String to, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE operations_alert SET sent_to = :to, send_error = :error WHERE id = :id")
                .bind("id", id).bind("to", to).bind("error", error).execute());
    }

    @Override
    public List<Alert> newest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM operations_alert ORDER BY raised_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(ALERT).list());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
