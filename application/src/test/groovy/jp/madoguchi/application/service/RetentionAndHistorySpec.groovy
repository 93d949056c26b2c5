package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.port.out.AuditPruning
import jp.madoguchi.application.port.out.ImportHistory
import jp.madoguchi.application.port.out.ImportRecord
import jp.madoguchi.application.port.out.ReplicaRetention
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Rejection
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.Period
import java.time.ZoneId

/**
 * 保存期間と履歴の use case: 除票の削除（PurgeExpiredRecords）、アクセス記録の保守（MaintainAuditTrail）、
 * 取込履歴（ShowImportHistory）。どれも設定の誤りは起動時に断る。
 */
class RetentionAndHistorySpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    def clock = Clock.fixed(Instant.parse('2026-11-22T00:00:00Z'), ZoneId.of('Asia/Tokyo'))

    def "除票は保存期間を引いた日より前のものを消す。期間が正でなければ断る"() {
        given:
        List<LocalDate> cutoffs = []
        def retention = { city, cutoff -> cutoffs << cutoff; new ReplicaRetention.PurgeReport(cutoff, 3, 4, '') } as ReplicaRetention

        when:
        def report = new PurgeExpiredRecordsService(retention, Period.ofYears(5), clock).purge(CITY)

        then:
        cutoffs == [LocalDate.of(2021, 11, 22)]
        report.residents() == 3

        when:
        new PurgeExpiredRecordsService(retention, Period.ZERO, clock)

        then:
        def refused = thrown(Rejection)
        refused.key() == 'linkage.retention-invalid'
    }

    def "アクセス記録は保存期間を過ぎた分だけ消し、消したことを記録に残す。1年未満の期間は断る"() {
        given:
        def trail = new RecordingAuditTrail() {
            Instant asked

            AuditPruning prune(Instant before) {
                asked = before
                new AuditPruning(12, 40)
            }
        }

        when:
        def pruning = new MaintainAuditTrailService(trail, Period.ofYears(5), CITY, clock).prune()

        then:
        trail.asked == Instant.parse('2021-11-22T00:00:00Z')
        pruning.removed() == 12
        trail.of(AuditAction.ADMINISTRATION)*.detail() == ['保存期間を過ぎたアクセス記録 12 件を削除（第40番のチェックポイントまで）']

        when:
        new MaintainAuditTrailService(trail, Period.ofMonths(11), CITY, clock)

        then:
        def refused = thrown(Rejection)
        refused.key() == 'audit.retention-too-short'
    }

    def "取込履歴は市ごとの新しい順、ない番号は空"() {
        given:
        def record = new ImportRecord(7, '001o005', '001o005_20261122090000_FULL.csv', 'FULL', 'フォルダ', 'APPLIED',
                10, 10, 0, 0, 0, '', Instant.parse('2026-11-22T00:00:00Z'), 1200)
        def history = new ImportHistory() {
            List<ImportRecord> recent(LocalGovernmentCode city, int limit) { city == CITY ? [record] : [] }

            Optional<ImportRecord> find(LocalGovernmentCode city, long id) {
                Optional.ofNullable(city == CITY && id == 7 ? record : null)
            }
        }
        def service = new ShowImportHistoryService(history)

        expect:
        service.recent(CITY)*.outcomeLabel() == ['取込済']
        service.find(CITY, 7).isPresent()
        service.find(CITY, 8).isEmpty()
        service.find(LocalGovernmentCode.fromFiveDigits('99998'), 7).isEmpty()
    }
}
