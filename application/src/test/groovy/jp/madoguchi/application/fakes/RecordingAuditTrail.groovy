package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.AuditCheckpoint
import jp.madoguchi.application.port.out.AuditPruning
import jp.madoguchi.application.port.out.AuditTrail
import jp.madoguchi.application.port.out.AuditVerification
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.audit.AuditEntry

import java.time.Instant

/** The access history as a list; {@link #failing} makes the next append refuse, as a full disk would. */
class RecordingAuditTrail implements AuditTrail {

    final List<AuditEntry> entries = []
    boolean failing

    @Override
    synchronized void append(AuditEntry entry) {
        if (failing) {
            throw new IllegalStateException('アクセス記録を書き込めません')
        }
        entries << entry
    }

    List<AuditEntry> of(AuditAction action) {
        entries.findAll { it.action() == action }
    }

    @Override
    AuditVerification verify() {
        throw new UnsupportedOperationException('the chain is the PostgreSQL adapter\'s (JdbiAuditTrailSpec)')
    }

    @Override
    Optional<AuditCheckpoint> checkpoint(Instant at) {
        Optional.empty()
    }

    @Override
    AuditPruning prune(Instant before) {
        throw new UnsupportedOperationException('pruning is the PostgreSQL adapter\'s (JdbiAuditTrailSpec)')
    }
}
