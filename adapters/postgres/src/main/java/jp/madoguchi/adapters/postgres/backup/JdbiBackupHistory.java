package jp.madoguchi.adapters.postgres.backup;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.out.BackupHistory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The backup history in {@code backup_run}. */
public final class JdbiBackupHistory implements BackupHistory {

    private static final RowMapper<BackupRun> RUN = (rs, ctx) -> new BackupRun(rs.getString("id"),
            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
            rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
            rs.getBoolean("verified"), rs.getLong("bytes"), rs.getString("summary"));

    private final Jdbi jdbi;

    public JdbiBackupHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(BackupRun run) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO backup_run (id, started_at, finished_at, verified, bytes, summary)
                        VALUES (:id, :started, :finished, :verified, :bytes, :summary)
                        ON CONFLICT (id) DO UPDATE SET finished_at = excluded.finished_at, verified = excluded.verified,
                            bytes = excluded.bytes, summary = excluded.summary""")
                .bind("id", run.id()).bind("started", at(run.startedAt())).bind("finished", at(run.finishedAt()))
                .bind("verified", run.verified()).bind("bytes", run.bytes()).bind("summary", run.summary())
                .execute());
    }

    @Override
    public List<BackupRun> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM backup_run ORDER BY finished_at DESC LIMIT :limit")
                .bind("limit", limit).map(RUN).list());
    }

    @Override
    public Optional<BackupRun> lastVerified() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM backup_run WHERE verified ORDER BY finished_at DESC LIMIT 1")
                .map(RUN).findOne());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
