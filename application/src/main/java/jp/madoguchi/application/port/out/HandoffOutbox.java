package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.List;

import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * 連携の送り出し待ち: the records a finished visit owes the back office, written in the completion's own unit of work,
 * with one delivery per target that is retried until it lands. A record is delivered once per target.
 */
public interface HandoffOutbox {

    /** Queues the records for each target; a record already queued (same layout and key) is not queued again. */
    void enqueue(LocalGovernmentCode city, ReceptionNumber reception, List<ExportRecord> records, List<String> targets,
                 Instant at);

    /** Deliveries to a target that are due (never tried, or their retry time has come), oldest first. */
    List<Delivery> due(String target, Instant now, int limit);

    /** The delivery landed: where, and the checksum of what was written. */
    void delivered(long deliveryId, ExportReceipt receipt, Instant at);

    /** The delivery failed; it is tried again at {@code retryAt}. */
    void failed(long deliveryId, String reason, Instant retryAt, Instant at);

    /** Deliveries for the administrator's page, newest first, in one state or all (null). */
    List<DeliveryStatus> deliveries(LocalGovernmentCode city, State state, int limit);

    /** Makes failed deliveries (one, or all with id null) due now; returns how many. */
    int resend(LocalGovernmentCode city, Long deliveryId, Instant now);

    /** The city's records after a record id, oldest first, of one layout or all (null): what a pull client reads. */
    List<QueuedRecord> recordsAfter(LocalGovernmentCode city, long afterId, String layout, int limit);

    /** A queued record with its sequence number (the pull API's cursor) and its visit. */
    record QueuedRecord(long id, ReceptionNumber reception, ExportRecord record) {
    }

    enum State {
        PENDING("送信待ち"), DELIVERED("送信済み"), FAILED("失敗（再送待ち）");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One record's delivery to one target. */
    record Delivery(long id, String target, ExportRecord record, int attempts) {
    }

    /** A delivery as the administrator sees it. */
    record DeliveryStatus(long id, ReceptionNumber reception, String layout, String key, String target, State state,
                          int attempts, String lastError, String location, String sha256, Instant queuedAt,
                          Instant deliveredAt, List<String> missing) {
    }
}
