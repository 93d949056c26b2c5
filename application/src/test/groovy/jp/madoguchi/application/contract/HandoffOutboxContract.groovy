package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.ExportReceipt
import jp.madoguchi.application.port.out.ExportRecord
import jp.madoguchi.application.port.out.HandoffOutbox
import jp.madoguchi.application.port.out.HandoffOutbox.State
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate

/**
 * What every {@link HandoffOutbox} promises: a record is queued once, with one delivery per target; a delivery is due
 * until it lands, a failed one again at its retry time (or when resent); columns come back in their order.
 */
abstract class HandoffOutboxContract extends Specification {

    static int cities = 0

    abstract HandoffOutbox outbox()

    LocalGovernmentCode city = LocalGovernmentCode.fromFiveDigits(String.valueOf(89000 + (cities++)))
    LocalGovernmentCode other = LocalGovernmentCode.fromFiveDigits(String.valueOf(88000 + (cities++)))
    ReceptionNumber number = new ReceptionNumber(LocalDate.of(2026, 11, 22), 31)
    Instant at = Instant.parse('2026-11-22T01:00:00Z')

    static ExportRecord record(String key, String copies) {
        new ExportRecord('CERTIFICATE_REQUEST', key, [受付番号: '20261122-0031', 範囲: '一部', 通数: copies, 年度: ''],
                ['年度（年度）'])
    }

    def "記録は一度だけ、送り先ごとに一つの送信として入り、列は順序も値もそのまま戻る"() {
        when:
        outbox().enqueue(city, number, [record('a', '2'), record('b', '1')], ['folder', 's3'], at)
        outbox().enqueue(city, number, [record('a', '2')], ['folder', 's3'], at)
        outbox().enqueue(other, number, [record('a', '9')], ['folder'], at)

        then:
        def due = outbox().due('folder', at, 10).findAll { it.record().key() in ['a', 'b'] }
        due.size() == 3
        outbox().due('s3', at, 10).size() == 2
        with(due.find { it.record().key() == 'a' && it.record().columns()['通数'] == '2' }.record()) {
            columns().keySet().toList() == ['受付番号', '範囲', '通数', '年度']
            missing() == ['年度（年度）']
            layout() == 'CERTIFICATE_REQUEST'
        }
        outbox().deliveries(city, null, 10).size() == 4
        outbox().deliveries(city, null, 10).every { it.state() == State.PENDING && it.reception() == number }
    }

    def "届いた送信はもう出てこず、失敗した送信は再送の時刻から、再送を指示すればすぐに出てくる"() {
        given:
        outbox().enqueue(city, number, [record('c', '1')], ['folder', 's3'], at)
        def folder = outbox().due('folder', at, 10).find { it.record().key() == 'c' }
        def bucket = outbox().due('s3', at, 10).find { it.record().key() == 'c' }

        when:
        outbox().delivered(folder.id(), new ExportReceipt('/exports/c.csv', 'abc123', false), at.plusSeconds(1))
        outbox().failed(bucket.id(), 'バケットに接続できません', at.plusSeconds(60), at.plusSeconds(1))

        then:
        outbox().due('folder', at.plusSeconds(120), 10).every { it.record().key() != 'c' }
        outbox().due('s3', at.plusSeconds(30), 10).every { it.record().key() != 'c' }
        outbox().due('s3', at.plusSeconds(60), 10).find { it.record().key() == 'c' }.attempts() == 1
        with(outbox().deliveries(city, State.DELIVERED, 10)) {
            it*.location() == ['/exports/c.csv']
            it*.sha256() == ['abc123']
            it*.deliveredAt() == [at.plusSeconds(1)]
        }
        outbox().deliveries(city, State.FAILED, 10)*.lastError() == ['バケットに接続できません']

        when:
        int resent = outbox().resend(city, null, at.plusSeconds(2))

        then:
        resent == 1
        outbox().due('s3', at.plusSeconds(2), 10).any { it.record().key() == 'c' }
        outbox().resend(other, null, at) == 0
    }

    def "記録は入った順に通し番号で読め、レイアウトで絞れる（取得APIのカーソル）"() {
        given:
        outbox().enqueue(city, number, [record('d', '1'), new ExportRecord('RESIDENT_MOVE', 'e', [続柄: '世帯主'], []),
                                        record('f', '3')], ['folder'], at)
        outbox().enqueue(other, number, [record('g', '9')], ['folder'], at)

        when:
        def all = outbox().recordsAfter(city, 0, null, 10)

        then:
        all*.record()*.key() == ['d', 'e', 'f']
        all*.reception().unique() == [number]
        all*.id() == all*.id().sort()
        outbox().recordsAfter(city, all[0].id(), null, 10)*.record()*.key() == ['e', 'f']
        outbox().recordsAfter(city, 0, 'CERTIFICATE_REQUEST', 10)*.record()*.key() == ['d', 'f']
        outbox().recordsAfter(city, 0, null, 2)*.record()*.key() == ['d', 'e']
        outbox().recordsAfter(other, 0, null, 10)*.record()*.key() == ['g']
    }
}
