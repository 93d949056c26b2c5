package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.Optional;

import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The citizen tablet's work: which visit a tablet is to show, and the citizen's confirmation of its content. */
public interface ContentConfirmations {

    /** The tablet {@code terminal} is to show {@code number} (replacing what it showed before). */
    void request(LocalGovernmentCode city, String terminal, ReceptionNumber number, Instant at);

    /** The visit the tablet was asked to show at or after {@code since}. */
    Optional<ReceptionNumber> requested(LocalGovernmentCode city, String terminal, Instant since);

    /** Keeps the confirmation (replacing an earlier one) and clears the tablet's request. */
    void confirmed(LocalGovernmentCode city, ReceptionNumber number, Confirmation confirmation);

    Optional<Confirmation> find(LocalGovernmentCode city, ReceptionNumber number);

    /**
     * Removes the visit's confirmation and its signature, because what was confirmed has changed.
     *
     * @return whether there was one
     */
    boolean revoke(LocalGovernmentCode city, ReceptionNumber number);

    /** What the citizen confirmed (the SHA-256 of the content shown) and signed, where and when. */
    record Confirmation(String contentSha256, String signatureSha256, String terminal, Instant confirmedAt) {
    }
}
