package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.in.DeliverHandoffUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.BackOfficeExport;
import jp.madoguchi.application.port.out.ExportReceipt;
import jp.madoguchi.application.port.out.HandoffOutbox;
import jp.madoguchi.application.port.out.HandoffOutbox.Delivery;
import jp.madoguchi.application.port.out.HandoffOutbox.DeliveryStatus;
import jp.madoguchi.application.port.out.HandoffOutbox.State;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * Delivers the outbox to each target. A target that fails (bucket unreachable, folder full) is tried again later,
 * waiting twice as long each time (5 s up to an hour); nothing is dropped. Targets write atomically and by key, so a
 * delivery repeated after a crash between writing and recording lands once.
 */
public final class DeliverHandoffService implements DeliverHandoffUseCase {

    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 200;

    private final HandoffOutbox outbox;
    private final Map<String, BackOfficeExport> targets;
    private final AuditTrail trail;
    private final Clock clock;

    public DeliverHandoffService(HandoffOutbox outbox, Map<String, BackOfficeExport> targets, AuditTrail trail, Clock clock) {
        this.outbox = outbox;
        this.targets = Map.copyOf(targets);
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public Round deliverDue() {
        int delivered = 0;
        int failed = 0;
        for (Map.Entry<String, BackOfficeExport> target : targets.entrySet()) {
            for (Delivery delivery : outbox.due(target.getKey(), clock.instant(), BATCH)) {
                try {
                    ExportReceipt receipt = target.getValue().deliver(delivery.record());
                    outbox.delivered(delivery.id(), receipt, clock.instant());
                    delivered++;
                } catch (RuntimeException e) {
                    Instant now = clock.instant();
                    outbox.failed(delivery.id(), reason(e), now.plus(wait(delivery.attempts() + 1)), now);
                    failed++;
                }
            }
        }
        return new Round(delivered, failed);
    }

    /** 5 s, 10 s, 20 s … at most an hour. */
    static Duration wait(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    @Override
    public List<DeliveryStatus> deliveries(LocalGovernmentCode city, State state, int limit) {
        return outbox.deliveries(city, state, limit);
    }

    @Override
    public int resend(LocalGovernmentCode city, Long deliveryId, Operator by) {
        int count = outbox.resend(city, deliveryId, clock.instant());
        new AccessRecords(trail, clock).record(city, by, AuditAction.ADMINISTRATION, List.of(), "基幹連携の再送",
                (deliveryId == null ? "失敗したすべての送信" : "送信 " + deliveryId) + "を再送に回しました（" + count + "件）");
        return count;
    }
}
