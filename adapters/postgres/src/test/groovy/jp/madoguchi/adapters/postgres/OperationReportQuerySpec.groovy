package jp.madoguchi.adapters.postgres

import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.ZoneId

import jp.madoguchi.application.port.in.OpeningHours
import jp.madoguchi.application.port.out.ReceptionPaperwork
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.audit.AuditEntry
import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.statistics.StatisticsPeriod
import jp.madoguchi.adapters.postgres.testing.Fixtures
import spock.lang.Shared

import static jp.madoguchi.adapters.postgres.testing.Fixtures.CITY

/**
 * 稼働報告 over two weekdays: the opening minutes marked as served, logins and failures in the access history, alerts,
 * imports, the kiosks' receptions, prints and backups, each on its day in city hall time.
 */
class OperationReportQuerySpec extends DatabaseSpecification {

    static final ZoneId JST = ZoneId.of('Asia/Tokyo')
    static final StatisticsPeriod TWO_DAYS = StatisticsPeriod.range(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))
    static final Instant AFTER = at('2026-12-03T09:00')

    @Shared JdbiOperationReportQuery query

    def setupSpec() {
        query = new JdbiOperationReportQuery(jdbi, Clock.system(JST))
        // 12/1 (火): served all of 08:30–17:15 but 10:00–10:24 (25 minutes down), marked twice a minute
        for (def t = at('2026-12-01T08:00'); t.isBefore(at('2026-12-01T18:00')); t = t.plusSeconds(30)) {
            if (t.isBefore(at('2026-12-01T10:00')) || !t.isBefore(at('2026-12-01T10:25'))) {
                query.markServing(t)
            }
        }
        // 12/2 (水): served all day
        for (def t = at('2026-12-02T08:00'); t.isBefore(at('2026-12-02T18:00')); t = t.plusSeconds(30)) {
            query.markServing(t)
        }
        def trail = Fixtures.auditTrail(jdbi)
        def clerk = Operator.staff('clerk', '窓口 一郎')
        [['2026-12-01T08:40', AuditAction.LOGIN], ['2026-12-01T08:41', AuditAction.LOGIN_FAILED],
         ['2026-12-01T08:42', AuditAction.LOGIN_FAILED], ['2026-12-02T08:35', AuditAction.LOGIN],
         ['2026-12-02T23:59', AuditAction.LOGIN]].each { when, action ->
            trail.append(new AuditEntry(at(when), CITY, clerk, 'PC-1', action, [], '', ''))
        }
        trail.close()
        jdbi.useHandle { h ->
            h.execute("INSERT INTO operations_alert (raised_at, last_at, source, message, repeats) VALUES (?, ?, 'x', 'エラー', 3)",
                    at('2026-12-01T10:05'), at('2026-12-01T10:20'))
            h.execute("""INSERT INTO linkage_import (city_code, linkage_id, file_name, file_stamp, kind, checksum, source,
                             outcome, started_at, finished_at, duration_ms)
                         VALUES (?, '001o005', 'a.csv', now(), 'FULL', 'x1', 'folder', 'APPLIED', ?, ?, 1),
                                (?, '001o005', 'b.csv', now(), 'DIFF', 'x2', 'folder', 'REJECTED', ?, ?, 1)""",
                    CITY.value(), at('2026-12-01T06:00'), at('2026-12-01T06:01'),
                    CITY.value(), at('2026-12-02T06:00'), at('2026-12-02T06:01'))
            h.execute("""INSERT INTO backup_run (id, started_at, finished_at, verified, bytes, summary)
                         VALUES ('b1', ?, ?, true, 1, '検証済み 1'), ('b2', ?, ?, false, 1, '検証で不一致')""",
                    at('2026-12-01T01:15'), at('2026-12-01T01:20'), at('2026-12-02T01:15'), at('2026-12-02T01:20'))
        }
        def receptions = new JdbiReceptions(jdbi)
        def certificate = new Procedure('RESIDENT_CERTIFICATE', '住民票の写し', new Department('SHIMIN', '市民課'), LifeEvent.CERTIFICATE)
        [['KIOSK-01', Channel.KIOSK], ['KIOSK-01', Channel.KIOSK], ['KIOSK-02', Channel.PRE_ENTRY], ['', Channel.COUNTER]].each { id, channel ->
            def reception = Reception.open(CITY, receptions.nextNumber(CITY, LocalDate.of(2026, 12, 1)), channel, null,
                    [certificate], channel == Channel.COUNTER ? clerk : Operator.kiosk(id), at('2026-12-01T09:00'))
            receptions.add(reception)
            new JdbiReceptionPaperwork(jdbi).recordPrint(CITY, reception.number(),
                    new ReceptionPaperwork.PrintRecord('F', 1, channel == Channel.COUNTER ? '窓口プリンタ' : 'デモプリンタ', 'clerk', at('2026-12-01T09:30')))
        }
    }

    def "稼働率は開庁時間の分のうち記録のある分、日ごとと期間全体で"() {
        when:
        def report = query.of(CITY, TWO_DAYS, OpeningHours.WEEKDAYS, AFTER)

        then: '08:30–17:15 is 525 minutes a day; 25 were not served on 12/1'
        report.days()*.openingMinutes() == [525L, 525L]
        report.days()*.servedMinutes() == [500L, 525L]
        report.availability().openingMinutes() == 1050
        report.availability().servedMinutes() == 1025
        report.availability().percentText() == '97.62%'
        !report.availability().meetsGoal()
    }

    def "ログイン・失敗・エラーは日ごと、取込・記載台・プリンタ・バックアップは期間で"() {
        when:
        def report = query.of(CITY, TWO_DAYS, OpeningHours.WEEKDAYS, AFTER)

        then:
        report.days()*.logins() == [1L, 2L]
        report.days()*.failedLogins() == [2L, 0L]
        report.days()*.errors() == [3L, 0L]
        report.imports().collectEntries { [it.label(), it.count()] } == ['取込済み': 1L, '拒否（ファイルの誤り）': 1L]
        report.kiosks().collectEntries { [it.key(), it.count()] } == ['KIOSK-01': 2L, 'KIOSK-02': 1L]
        report.printers().collectEntries { [it.key(), it.count()] } == ['デモプリンタ': 3L, '窓口プリンタ': 1L]
        report.backups().runs() == 2
        report.backups().verified() == 1
        report.backups().last() == '検証で不一致'
    }

    def "今日の途中までなら、過ぎた開庁時間だけを数える。まだ来ない日は行にしない"() {
        when: '12/2 at 09:00: 30 minutes of opening hours have passed'
        def report = query.of(CITY, StatisticsPeriod.range(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 4)),
                OpeningHours.WEEKDAYS, at('2026-12-02T09:00'))

        then:
        report.days()*.day() == [LocalDate.of(2026, 12, 2)]
        report.days()[0].openingMinutes() == 30
        report.days()[0].servedMinutes() == 30
    }

    static Instant at(String localTime) {
        LocalDateTime.parse(localTime).atZone(JST).toInstant()
    }
}
