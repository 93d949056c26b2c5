package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryHandoffOutbox
import jp.madoguchi.application.fakes.MovableClock
import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.fakes.RecordingBackOfficeExport
import jp.madoguchi.application.port.out.BackOfficeExport
import jp.madoguchi.application.port.out.ExportReceipt
import jp.madoguchi.application.port.out.ExportRecord
import jp.madoguchi.application.port.out.HandoffOutbox.State
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** 基幹連携の送り出し: 送り先ごとに一度だけ届け、止まっている送り先は間隔を空けて再送し、何も失わない。 */
class DeliverHandoffServiceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final ReceptionNumber NUMBER = ReceptionNumber.parse('20261122-0001')

    def clock = new MovableClock(Instant.parse('2026-11-22T01:00:00Z'))
    def outbox = new InMemoryHandoffOutbox()
    def folder = new RecordingBackOfficeExport()
    boolean bucketDown = true
    def bucket = { ExportRecord r ->
        if (bucketDown) {
            throw new UncheckedIOException('バケットに接続できません', new IOException('connection refused'))
        }
        new ExportReceipt('s3://city/' + r.key(), 'sum', false)
    } as BackOfficeExport
    def trail = new RecordingAuditTrail()
    def deliver = new DeliverHandoffService(outbox, [folder: folder, s3: bucket], trail, clock)

    def setup() {
        outbox.enqueue(CITY, NUMBER, [new ExportRecord('CERTIFICATE_REQUEST', 'k1', [通数: '2']),
                                      new ExportRecord('CERTIFICATE_REQUEST', 'k2', [通数: '1'])], ['folder', 's3'], clock.instant())
    }

    def "届いた送り先には二度と送らず、止まっている送り先は 5 秒・10 秒…と間を空けて、戻れば届ける"() {
        when:
        def first = deliver.deliverDue()

        then:
        first.delivered() == 2
        first.failed() == 2
        folder.delivered.keySet() == ['k1', 'k2'] as Set
        deliver.deliveries(CITY, State.FAILED, 10)*.lastError().unique() == ['バケットに接続できません']

        when: 'too early for the retry'
        clock.advance(Duration.ofSeconds(4))
        def early = deliver.deliverDue()

        then:
        early.delivered() == 0
        early.failed() == 0

        when: 'the retry time has come, the bucket still down: the next wait doubles'
        clock.advance(Duration.ofSeconds(1))
        deliver.deliverDue()

        then:
        outbox.rows.findAll { it.target == 's3' }*.dueAt.unique() == [clock.now.plusSeconds(10)]

        when: 'the bucket is back'
        bucketDown = false
        clock.advance(Duration.ofSeconds(10))
        def back = deliver.deliverDue()

        then:
        back.delivered() == 2
        deliver.deliveries(CITY, State.DELIVERED, 10).size() == 4
        deliver.deliverDue().delivered() == 0
    }

    def "失敗した送信は、管理者の再送ですぐに届け直し、そのことをアクセス記録に残す"() {
        given:
        deliver.deliverDue()
        bucketDown = false

        expect:
        deliver.resend(CITY, null, Operator.staff('admin', '管理 次郎')) == 2
        deliver.deliverDue().delivered() == 2
        trail.of(AuditAction.ADMINISTRATION)*.detail() == ['失敗したすべての送信を再送に回しました（2件）']
    }

    def "待ち時間は倍々に延び、1時間で止まる"() {
        expect:
        DeliverHandoffService.wait(attempts) == Duration.ofSeconds(seconds)

        where:
        attempts || seconds
        1        || 5
        2        || 10
        3        || 20
        12       || 3600
        40       || 3600
    }
}
