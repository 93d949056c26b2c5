package jp.madoguchi.application.port.in;

import java.time.Period;
import java.util.Optional;

import jp.madoguchi.application.port.out.AuditCheckpoint;
import jp.madoguchi.application.port.out.AuditPruning;

/** アクセス記録の保守: signed checkpoints of the chain head, and removing what is past the retention period. */
public interface MaintainAuditTrailUseCase {

    /** The shortest retention 特定個人情報保護評価 allows; the database refuses less as well. */
    Period MINIMUM_RETENTION = Period.ofYears(1);

    /** Signs the current chain head; empty when nothing was recorded since the last checkpoint. */
    Optional<AuditCheckpoint> checkpoint();

    /** Removes the entries older than the retention period that a checkpoint covers, and records that it did. */
    AuditPruning prune();

    Period retention();
}
