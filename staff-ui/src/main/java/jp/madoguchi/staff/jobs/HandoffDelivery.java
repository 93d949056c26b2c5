package jp.madoguchi.staff.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.DeliverHandoffUseCase;
import jp.madoguchi.application.port.in.RunScheduledJobUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the hand-off outbox every {@code madoguchi.handoff.interval} (default 2 seconds): a finished visit's records
 * reach the RPA folder and the bucket within seconds, and a target that is down is tried again on the record's own
 * back-off, so one slow target never holds up the counter.
 */
@Singleton
@Requires(property = "madoguchi.handoff.delivery", notEquals = "false")
@Requires(notEnv = "cli")
public class HandoffDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(HandoffDelivery.class);

    private final DeliverHandoffUseCase delivery;
    private final RunScheduledJobUseCase jobs;

    public HandoffDelivery(DeliverHandoffUseCase delivery, RunScheduledJobUseCase jobs) {
        this.delivery = delivery;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${madoguchi.handoff.interval:2s}", initialDelay = "${madoguchi.handoff.initial-delay:2s}")
    void deliver() {
        jobs.runAlone("handoff-delivery", this::deliverNow);
    }

    private void deliverNow() {
        try {
            DeliverHandoffUseCase.Round round = delivery.deliverDue();
            if (round.failed() > 0) {
                LOG.warn("基幹連携: {} 件を届け、{} 件は届かなかったため後で再送します（基幹連携の出力の画面に理由）",
                        round.delivered(), round.failed());
            } else if (round.delivered() > 0) {
                LOG.info("基幹連携: {} 件を届けました", round.delivered());
            }
        } catch (RuntimeException e) {
            // the outbox keeps everything; the next round tries again
            LOG.error("基幹連携の送り出しに失敗しました（次回に再試行します）: {}", e.getMessage());
        }
    }
}
