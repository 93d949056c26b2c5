package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.List;

import jp.madoguchi.application.port.out.HandoffOutbox.QueuedRecord;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 基幹連携の取得API: a core system pulls the records queued since its cursor, as JSON or CSV, and acknowledges what it
 * has stored; the administrator issues each core system a credential (shown once) and can revoke it. Every call is in
 * the access history.
 */
public interface PullHandoffUseCase {

    /** A new client: its token, shown this once and kept only as a hash. */
    IssuedClient issue(LocalGovernmentCode city, String name, Operator by);

    void revoke(LocalGovernmentCode city, long clientId, Operator by);

    List<ClientSummary> clients(LocalGovernmentCode city);

    /**
     * Records after {@code after} (null: after the client's acknowledged cursor), oldest first; of one layout, or all.
     *
     * @throws Refused for a missing, wrong or revoked credential
     */
    Batch records(String token, Long after, String layout, int limit);

    /** The name of the client this credential belongs to; {@link Refused} for a missing, wrong or revoked one. */
    String client(String token);

    /** Moves the client's cursor to {@code through}; a cursor never goes back. */
    long acknowledge(String token, long through);

    record IssuedClient(long id, String name, String token) {
    }

    record ClientSummary(long id, String name, Instant createdAt, String createdBy, boolean active,
                         long acknowledgedThrough, Instant acknowledgedAt) {
    }

    /** The records and the cursor to ask from next (the last record's id, or the one asked from when none came). */
    record Batch(String client, List<QueuedRecord> records, long next) {
    }

    /** A credential the API does not accept: said in one line, nothing else told. */
    final class Refused extends Rejection {
        public Refused(String message) {
            super("handoff.api-refused", message);
        }
    }
}
