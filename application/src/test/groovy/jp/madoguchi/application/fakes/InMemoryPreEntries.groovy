package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.PreEntries
import jp.madoguchi.domain.reception.PreEntryCode
import jp.madoguchi.domain.reception.ReceptionNumber

import java.time.Instant

/** Pre-entry codes in memory: each used once, and only before it expires. */
class InMemoryPreEntries implements PreEntries {

    private final Map<PreEntryCode, Map> entries = [:]

    @Override
    synchronized void add(PreEntryCode code, List<String> procedureCodes, byte[] sealedAnswers, Instant createdAt, Instant expiresAt) {
        entries[code] = [procedures: List.copyOf(procedureCodes), expires: expiresAt, used: false, reception: null, sealed: sealedAnswers]
    }

    @Override
    synchronized Optional<byte[]> sealedAnswers(PreEntryCode code) {
        Optional.ofNullable(entries[code]?.sealed as byte[])
    }

    @Override
    synchronized Optional<List<String>> use(PreEntryCode code, Instant now, String usedBy) {
        Map entry = entries[code]
        if (entry == null || entry.used || !now.isBefore(entry.expires as Instant)) {
            return Optional.empty()
        }
        entry.used = true
        entry.usedBy = usedBy
        entry.usedAt = now
        Optional.of(entry.procedures as List<String>)
    }

    @Override
    synchronized void opened(PreEntryCode code, ReceptionNumber reception) {
        entries[code]?.reception = reception
    }

    @Override
    synchronized Optional<ReceptionNumber> openedBy(PreEntryCode code, String usedBy, Instant since) {
        Map entry = entries[code]
        entry != null && entry.used && entry.usedBy == usedBy && !(entry.usedAt as Instant).isBefore(since)
                ? Optional.ofNullable(entry.reception as ReceptionNumber) : Optional.empty()
    }

    ReceptionNumber receptionOf(PreEntryCode code) {
        entries[code]?.reception as ReceptionNumber
    }
}
