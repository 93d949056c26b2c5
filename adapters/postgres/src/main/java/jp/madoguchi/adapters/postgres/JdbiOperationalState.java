package jp.madoguchi.adapters.postgres;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jp.madoguchi.application.port.out.OperationalState;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The running state from the database: migrations, today's visits, the outbox, imports and checkpoints. */
public final class JdbiOperationalState implements OperationalState {

    private final Jdbi jdbi;
    /** Reads the migration history only (the system's role may not migrate); the shipped scripts from the classpath. */
    private final Flyway flyway;

    public JdbiOperationalState(Jdbi jdbi, DataSource dataSource) {
        this.jdbi = jdbi;
        this.flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    @Override
    public int pendingMigrations() {
        return flyway.info().pending().length;
    }

    @Override
    public Map<String, Long> visitsByState(String cityCode, LocalDate day) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT state, count(*) AS visits FROM reception WHERE city_code = :city AND reception_day = :day
                         GROUP BY state ORDER BY state""")
                .bind("city", cityCode).bind("day", day)
                .map((rs, ctx) -> counts.put(rs.getString("state"), rs.getLong("visits"))).list());
        return counts;
    }

    @Override
    public long undeliveredHandoffs() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM handoff_delivery WHERE delivered_at IS NULL")
                .mapTo(Long.class).one());
    }

    @Override
    public Map<String, Long> importsByOutcome() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT outcome, count(*) AS imports FROM linkage_import GROUP BY outcome ORDER BY outcome")
                .map((rs, ctx) -> counts.put(rs.getString("outcome"), rs.getLong("imports"))).list());
        return counts;
    }

    @Override
    public Optional<Instant> lastAppliedImport() {
        return newest("SELECT max(finished_at) FROM linkage_import WHERE outcome = 'APPLIED'");
    }

    @Override
    public Optional<Instant> lastAuditCheckpoint() {
        return newest("SELECT max(at) FROM audit_checkpoint");
    }

    private Optional<Instant> newest(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class)).findOne())
                .map(OffsetDateTime::toInstant);
    }
}
