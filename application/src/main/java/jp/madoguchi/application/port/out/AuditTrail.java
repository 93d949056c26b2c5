package jp.madoguchi.application.port.out;

import jp.madoguchi.domain.audit.AuditEntry;

/**
 * The access history (アクセス記録): append-only and hash-chained, so an entry that was changed, removed or moved is
 * found by {@link #verify()}.
 */
public interface AuditTrail {

    void append(AuditEntry entry);

    /** Walks the whole chain from the first entry. */
    AuditVerification verify();
}
