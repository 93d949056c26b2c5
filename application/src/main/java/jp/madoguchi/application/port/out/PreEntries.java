package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.reception.PreEntryCode;
import jp.madoguchi.domain.reception.ReceptionNumber;

/** 事前入力 kept until the citizen comes: single use, with an expiry. */
public interface PreEntries {

    /** @param sealedAnswers the answers given on the phone, sealed under the code (see SealedAnswers); null for none */
    void add(PreEntryCode code, List<String> procedureCodes, byte[] sealedAnswers, Instant createdAt, Instant expiresAt);

    /** The sealed answers kept with the code, whether used or not; empty when none were given. */
    Optional<byte[]> sealedAnswers(PreEntryCode code);

    /**
     * Marks the code used and gives its procedures — atomically, so two kiosks scanning one code open one visit.
     *
     * @param usedBy the terminal that scanned it
     * @return empty when the code is unknown, used or expired
     */
    Optional<List<String>> use(PreEntryCode code, Instant now, String usedBy);

    /** The reception a code opened, when {@code usedBy} used it at or after {@code since}: a second reading of it. */
    Optional<ReceptionNumber> openedBy(PreEntryCode code, String usedBy, Instant since);

    /** Notes which reception the used code opened. */
    void opened(PreEntryCode code, ReceptionNumber reception);
}
