package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.application.port.out.HandoffOutbox.DeliveryStatus;
import jp.madoguchi.application.port.out.HandoffOutbox.State;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** 基幹連携の出力: delivers the queued records to their targets, shows how they stand, and sends failed ones again. */
public interface DeliverHandoffUseCase {

    /** One round: every due delivery of every target is tried once. */
    Round deliverDue();

    List<DeliveryStatus> deliveries(LocalGovernmentCode city, State state, int limit);

    /** Makes one failed delivery (or all, with {@code deliveryId} null) due now; returns how many. */
    int resend(LocalGovernmentCode city, Long deliveryId, Operator by);

    /** What a round did: deliveries that landed, and those that failed and wait for their retry. */
    record Round(int delivered, int failed) {
    }
}
