package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.port.in.ReadAuditTrailUseCase.AuditSearchCommand
import jp.madoguchi.application.port.out.AuditTrailQuery
import jp.madoguchi.application.port.out.AuditTrailQuery.AuditSearch
import jp.madoguchi.application.port.out.AuditTrailQuery.RecordedAuditEntry
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.audit.AuditEntry
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.shared.Rejection
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

/** アクセス記録の閲覧: 監査人が検索・出力したことも記録に残る。入力された宛名番号は、記録にある番号のときだけ残す。 */
class ReadAuditTrailServiceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Operator AUDITOR = Operator.staff('auditor', '監査 三郎')

    def trail = new RecordingAuditTrail()
    def history = [new AuditEntry(Instant.parse('2026-11-21T01:00:00Z'), CITY, Operator.staff('clerk', '窓口 一郎'), 'PC-1',
            AuditAction.VIEW_RESIDENT, ['0000000019'], '受付 20261121-0001', '宛名番号で表示')]
    List<AuditSearch> asked = []
    AuditTrailQuery query = new AuditTrailQuery() {
        List<RecordedAuditEntry> search(AuditSearch search, int limit) {
            asked << search
            history.findAll { search.resident().isEmpty() || it.residents().contains(search.resident()) }
                    .withIndex().collect { e, i -> new RecordedAuditEntry(i + 1, e) }
        }

        Map<String, Long> countsByActor(LocalGovernmentCode city, AuditAction action, Instant since) {
            [:]
        }

        long exportCsv(AuditSearch search, OutputStream out) {
            out.write('seq,at\n1,2026-11-21\n'.bytes)
            1
        }
    }
    def read = new ReadAuditTrailService(query, trail, Clock.fixed(Instant.parse('2026-11-22T00:00:00Z'), ZoneId.of('Asia/Tokyo')))

    def "期間は市の時刻の日の始まりから終わりまでで探し、検索したこと自体が記録になる"() {
        when:
        def found = read.search(new AuditSearchCommand(CITY, '', '0000000019', LocalDate.of(2026, 11, 21),
                LocalDate.of(2026, 11, 21), null, AUDITOR))

        then:
        found.size() == 1
        asked[0].from() == Instant.parse('2026-11-20T15:00:00Z')
        asked[0].to() == Instant.parse('2026-11-21T15:00:00Z')
        with(trail.entries.last()) {
            action() == AuditAction.READ_AUDIT_TRAIL
            residents() == ['0000000019']
            purpose() == '監査'
        }
    }

    def "記録にない番号で探したときは、その番号を記録に残さない（個人番号が打たれたかもしれない）"() {
        when:
        read.search(new AuditSearchCommand(CITY, '', '123456789012', null, null, null, AUDITOR))

        then:
        trail.entries.last().residents().isEmpty()
        trail.entries.last().detail().contains('（該当なし）')
        !trail.entries.last().detail().contains('123456789012')
    }

    def "CSV出力も出力として記録され、数字でない宛名番号や逆さの期間は断る"() {
        given:
        def out = new ByteArrayOutputStream()

        when:
        read.export(new AuditSearchCommand(CITY, 'clerk', '', null, null, AuditAction.VIEW_RESIDENT, AUDITOR), out)

        then:
        out.toString().startsWith('seq,at')
        trail.entries.last().action() == AuditAction.EXPORT

        when:
        new AuditSearchCommand(CITY, '', 'abc', null, null, null, AUDITOR)

        then:
        def refused = thrown(Rejection)
        refused.key() == 'audit.addressee-number-format'

        when:
        new AuditSearchCommand(CITY, '', '', LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 1), null, AUDITOR)

        then:
        def reversed = thrown(Rejection)
        reversed.key() == 'audit.period-reversed'
    }
}
