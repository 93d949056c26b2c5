package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** What the database says about the system's running state, for the health checks and the metrics. */
public interface OperationalState {

    /** How many shipped migrations the database has not applied; throws when the database cannot be reached. */
    int pendingMigrations();

    /** The city's visits opened on {@code day}, counted by state (受付済, 対応中, 完了, …). */
    Map<String, Long> visitsByState(String cityCode, LocalDate day);

    /** Hand-off deliveries not yet delivered (the outbox depth). */
    long undeliveredHandoffs();

    /** Linkage imports ever recorded, by outcome. */
    Map<String, Long> importsByOutcome();

    Optional<Instant> lastAppliedImport();

    Optional<Instant> lastAuditCheckpoint();
}
