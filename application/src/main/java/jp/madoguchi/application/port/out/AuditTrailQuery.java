package jp.madoguchi.application.port.out;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.audit.AuditEntry;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** Reading the access history for the city's auditor: always one city's entries, newest first. */
public interface AuditTrailQuery {

    List<RecordedAuditEntry> search(AuditSearch search, int limit);

    /**
     * Writes every matching entry as CSV (UTF-8 with BOM, for Excel), oldest first, with each entry's chain hash
     * so an exported copy can be checked against the database later.
     *
     * @return the number of entries written
     */
    long exportCsv(AuditSearch search, OutputStream out) throws IOException;

    /** How many entries of {@code action} each actor of the city has since {@code since}, most first. */
    java.util.Map<String, Long> countsByActor(LocalGovernmentCode city, AuditAction action, Instant since);

    /**
     * What the auditor asks for; {@code null} or blank means any.
     *
     * @param actor    a member of staff's user ID or a terminal ID
     * @param resident a 宛名番号
     * @param to       exclusive
     */
    record AuditSearch(LocalGovernmentCode city, String actor, String resident, Instant from, Instant to,
                       AuditAction action) {
    }

    /** An entry with its place in the chain. */
    record RecordedAuditEntry(long seq, AuditEntry entry) {
    }
}
