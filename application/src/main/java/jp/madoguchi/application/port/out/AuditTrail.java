package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.Optional;

import jp.madoguchi.domain.audit.AuditEntry;

/**
 * The access history (アクセス記録): append-only and hash-chained, so an entry that was changed, removed or moved is
 * found by {@link #verify()}.
 */
public interface AuditTrail {

    void append(AuditEntry entry);

    /**
     * Walks the whole chain from its first remaining entry, checking each checkpoint's signature and that the chain
     * still passes through every checkpoint.
     */
    AuditVerification verify();

    /** Signs and keeps the current chain head; empty when nothing was appended since the last checkpoint. */
    Optional<AuditCheckpoint> checkpoint(Instant at);

    /**
     * Removes the entries recorded before {@code before}, but only up to the newest checkpoint that covers them, so
     * the remaining chain still starts at a signed head. The database refuses anything younger than a year.
     */
    AuditPruning prune(Instant before);
}
