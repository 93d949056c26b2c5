package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryHandoffClients
import jp.madoguchi.application.fakes.InMemoryHandoffOutbox
import jp.madoguchi.application.fakes.MovableClock
import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.port.in.PullHandoffUseCase
import jp.madoguchi.application.port.out.ExportRecord
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification

import java.time.Instant

/** 基幹連携の取得API: 連携先ごとの認証情報で、カーソルから先の記録を取り、受領を確認する。取り消した認証情報は通さない。 */
class PullHandoffServiceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Operator ADMIN = Operator.staff('admin', '管理 次郎')

    def clock = new MovableClock(Instant.parse('2026-11-22T01:00:00Z'))
    def outbox = new InMemoryHandoffOutbox()
    def clients = new InMemoryHandoffClients()
    def trail = new RecordingAuditTrail()
    def pull = new PullHandoffService(clients, outbox, trail, clock)

    def setup() {
        outbox.enqueue(CITY, ReceptionNumber.parse('20261122-0001'), [
                new ExportRecord('CERTIFICATE_REQUEST', 'a', [通数: '2']),
                new ExportRecord('RESIDENT_MOVE', 'b', [続柄: '世帯主']),
                new ExportRecord('CERTIFICATE_REQUEST', 'c', [通数: '1'])], ['folder'], clock.instant())
    }

    def "登録した連携先は、受領を確認するまで同じ記録を受け取り、確認した先から続ける（途中で落ちても飛ばさない）"() {
        given:
        def issued = pull.issue(CITY, '住民記録システム', ADMIN)

        when: 'the core system reads, and crashes before acknowledging'
        def first = pull.records(issued.token(), null, null, 2)
        def again = pull.records(issued.token(), null, null, 2)

        then:
        first.records()*.record()*.key() == ['a', 'b']
        again.records()*.record()*.key() == ['a', 'b']
        first.next() == 2

        when: 'it acknowledges what it stored, and reads on'
        pull.acknowledge(issued.token(), first.next())
        def rest = pull.records(issued.token(), null, null, 10)

        then:
        rest.records()*.record()*.key() == ['c']
        pull.records(issued.token(), null, 'CERTIFICATE_REQUEST', 10).records()*.record()*.key() == ['c']
        pull.records(issued.token(), 0, 'CERTIFICATE_REQUEST', 10).records()*.record()*.key() == ['a', 'c']
        pull.acknowledge(issued.token(), 1) == 2
        trail.of(AuditAction.EXPORT).size() == 7
        trail.of(AuditAction.ADMINISTRATION)*.detail() == ['連携先「住民記録システム」を登録（ID 1）']
    }

    def "誤った・取り消された認証情報は、何も渡さずに断る"() {
        given:
        def issued = pull.issue(CITY, '国保システム', ADMIN)
        pull.revoke(CITY, issued.id(), ADMIN)

        when:
        pull.records(token, null, null, 10)

        then:
        def e = thrown(PullHandoffUseCase.Refused)
        e.message.contains('認証情報が正しくないか')

        where:
        token << [null, '', 'mdh_short', 'mdh_' + 'A' * 43]
    }

    def "取り消した連携先は受け付けず、名前のない登録は断る"() {
        given:
        def issued = pull.issue(CITY, '国保システム', ADMIN)
        pull.revoke(CITY, issued.id(), ADMIN)

        when:
        pull.acknowledge(issued.token(), 3)

        then:
        thrown(PullHandoffUseCase.Refused)
        !pull.clients(CITY)[0].active()

        when:
        pull.issue(CITY, ' ', ADMIN)

        then:
        thrown(IllegalArgumentException)
    }
}
