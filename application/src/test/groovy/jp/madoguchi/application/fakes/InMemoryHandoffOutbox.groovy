package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.ExportReceipt
import jp.madoguchi.application.port.out.ExportRecord
import jp.madoguchi.application.port.out.HandoffOutbox
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.Instant

/** The outbox in memory: one delivery per record and target, due until delivered, retried at the time it is told. */
class InMemoryHandoffOutbox implements HandoffOutbox {

    static class Row {
        long id
        LocalGovernmentCode city
        ReceptionNumber reception
        ExportRecord record
        String target
        Instant queuedAt
        Instant dueAt
        int attempts
        String lastError
        ExportReceipt receipt
        Instant deliveredAt
    }

    final List<Row> rows = []
    /** Each record once, with its city, in the order queued: its position is its sequence number. */
    final List<Map> records = []
    private long next = 1

    @Override
    void enqueue(LocalGovernmentCode city, ReceptionNumber reception, List<ExportRecord> records, List<String> targets,
                 Instant at) {
        for (ExportRecord record : records) {
            if (!this.records.any { it.city == city && it.queued.record().layout() == record.layout() && it.queued.record().key() == record.key() }) {
                this.records << [city: city, queued: new QueuedRecord(this.records.size() + 1, reception, record)]
            }
            for (String target : targets) {
                if (!rows.any { it.city == city && it.record.layout() == record.layout() && it.record.key() == record.key() && it.target == target }) {
                    rows << new Row(id: next++, city: city, reception: reception, record: record, target: target,
                            queuedAt: at, dueAt: at)
                }
            }
        }
    }

    @Override
    List<QueuedRecord> recordsAfter(LocalGovernmentCode city, long afterId, String layout, int limit) {
        records.findAll { it.city == city }*.queued
                .findAll { it.id() > afterId && (layout == null || it.record().layout() == layout) }.take(limit)
    }

    @Override
    List<Delivery> due(String target, Instant now, int limit) {
        rows.findAll { it.target == target && it.deliveredAt == null && !it.dueAt.isAfter(now) }
                .sort { it.id }.take(limit).collect { new Delivery(it.id, it.target, it.record, it.attempts) }
    }

    @Override
    void delivered(long deliveryId, ExportReceipt receipt, Instant at) {
        def row = rows.find { it.id == deliveryId }
        row.receipt = receipt
        row.deliveredAt = at
        row.attempts++
    }

    @Override
    void failed(long deliveryId, String reason, Instant retryAt, Instant at) {
        def row = rows.find { it.id == deliveryId }
        row.attempts++
        row.lastError = reason
        row.dueAt = retryAt
    }

    @Override
    List<DeliveryStatus> deliveries(LocalGovernmentCode city, State state, int limit) {
        rows.findAll { it.city == city && (state == null || stateOf(it) == state) }.sort { -it.id }.take(limit).collect {
            new DeliveryStatus(it.id, it.reception, it.record.layout(), it.record.key(), it.target, stateOf(it), it.attempts,
                    it.lastError, it.receipt?.location(), it.receipt?.sha256(), it.queuedAt, it.deliveredAt, it.record.missing())
        }
    }

    @Override
    int resend(LocalGovernmentCode city, Long deliveryId, Instant now) {
        def failed = rows.findAll { it.city == city && stateOf(it) == State.FAILED && (deliveryId == null || it.id == deliveryId) }
        failed.each { it.dueAt = now }
        failed.size()
    }

    private static State stateOf(Row row) {
        row.deliveredAt != null ? State.DELIVERED : row.lastError != null ? State.FAILED : State.PENDING
    }
}
