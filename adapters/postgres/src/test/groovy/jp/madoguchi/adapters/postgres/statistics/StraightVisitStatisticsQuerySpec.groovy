package jp.madoguchi.adapters.postgres.statistics

import java.time.Clock
import java.time.DayOfWeek
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.ZoneId

import jp.madoguchi.adapters.postgres.DatabaseSpecification
import jp.madoguchi.adapters.postgres.JdbiReceptionPaperwork
import jp.madoguchi.adapters.postgres.JdbiReceptions
import jp.madoguchi.application.port.in.VisitStatistics
import jp.madoguchi.application.port.out.VisitStatisticsQuery
import jp.madoguchi.application.port.out.ReceptionPaperwork
import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.reception.ServiceCounter
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.statistics.StatisticsPeriod
import spock.lang.Shared

import static jp.madoguchi.adapters.postgres.testing.Fixtures.CITY
import static jp.madoguchi.adapters.postgres.testing.Fixtures.OTHER_CITY

/**
 * A week of visits with known times (city hall time), saved through the production store, then counted: a visit
 * once, its procedures once each, medians and 90th percentiles of whole minutes. The straight query is the
 * definition; {@link ReadModelVisitStatisticsQuerySpec} runs the same features over the read model.
 */
class StraightVisitStatisticsQuerySpec extends DatabaseSpecification {

    static final ZoneId JST = ZoneId.of('Asia/Tokyo')
    static final Department SHIMIN = new Department('SHIMIN', '市民課')
    static final Department HOKEN = new Department('HOKEN', '保険年金課')
    static final Procedure CERTIFICATE = new Procedure('RESIDENT_CERTIFICATE', '住民票の写し', SHIMIN, LifeEvent.CERTIFICATE)
    static final Procedure MOVE_IN = new Procedure('MOVE_IN', '転入届', SHIMIN, LifeEvent.MOVE_IN)
    static final Procedure HEALTH = new Procedure('NATIONAL_HEALTH_INSURANCE', '国民健康保険の加入', HOKEN, LifeEvent.MOVE_IN)
    static final Operator FIRST = Operator.staff('c1', '窓口 一郎')
    static final Operator SECOND = Operator.staff('c2', '窓口 二郎')
    static final ServiceCounter SHIMIN_1 = new ServiceCounter('SHIMIN-1', '1番窓口', SHIMIN)
    static final ServiceCounter HOKEN_1 = new ServiceCounter('HOKEN-1', '1番窓口', HOKEN)
    static final StatisticsPeriod WEEK = StatisticsPeriod.week(LocalDate.of(2026, 12, 2))

    @Shared JdbiReceptions receptions
    @Shared VisitStatisticsQuery statistics

    /** The query under test. */
    protected VisitStatisticsQuery query() {
        new StraightVisitStatisticsQuery(jdbi, Clock.system(JST))
    }

    def setupSpec() {
        receptions = new JdbiReceptions(jdbi)
        statistics = query()
        def paperwork = new JdbiReceptionPaperwork(jdbi)

        // 月 9:00 記載台、住民票: 9:08 に市民課 1番窓口へ呼出（8分待ち）、9:09 再呼出、15分で完了、様式を1枚印刷
        def v1 = visit(CITY, '2026-11-30T09:00', Channel.KIOSK, [CERTIFICATE])
        step(v1) { it.call(SHIMIN_1, FIRST, at('2026-11-30T09:08')) }
        step(v1) { it.call(SHIMIN_1, FIRST, at('2026-11-30T09:09')) }
        step(v1) { it.startHearing(FIRST, at('2026-11-30T09:10')) }
        step(v1) { it.confirm(FIRST, at('2026-11-30T09:15')) }
        step(v1) { it.markPrinted(FIRST, at('2026-11-30T09:20'), '住民票の写し等交付申請書') }
        paperwork.recordPrint(CITY, v1.number(), new ReceptionPaperwork.PrintRecord('RESIDENT_CERTIFICATE_REQUEST', 1, 'demo', 'c1', at('2026-11-30T09:20')))
        step(v1) { it.complete(FIRST, at('2026-11-30T09:25')) }

        // 月 9:30 窓口、住民票と国保（二つの課）: 呼ばずに 5分待ち、市民課 9:50 完了→回付、保険年金課で 9:55 に呼出、
        // 10:20 完了（待ち時間は最初の聞き取りまでの5分のまま）
        def v2 = visit(CITY, '2026-11-30T09:30', Channel.COUNTER, [CERTIFICATE, HEALTH])
        step(v2) { it.startHearing(SECOND, at('2026-11-30T09:35')) }
        step(v2) { it.confirm(SECOND, at('2026-11-30T09:40')) }
        step(v2) { it.markPrinted(SECOND, at('2026-11-30T09:45'), '住民票の写し等交付申請書') }
        step(v2) { it.complete(SECOND, at('2026-11-30T09:50')) }
        step(v2) { it.call(HOKEN_1, FIRST, at('2026-11-30T09:55')) }
        step(v2) { it.startHearing(FIRST, at('2026-11-30T10:00')) }
        step(v2) { it.confirm(FIRST, at('2026-11-30T10:05')) }
        step(v2) { it.markPrinted(FIRST, at('2026-11-30T10:10'), '国民健康保険被保険者資格取得届') }
        step(v2) { it.complete(FIRST, at('2026-11-30T10:20')) }

        // 火 14:00 事前入力、住民票: 30分待ち、聞き取り中
        def v3 = visit(CITY, '2026-12-01T14:00', Channel.PRE_ENTRY, [CERTIFICATE])
        step(v3) { it.startHearing(FIRST, at('2026-12-01T14:30')) }

        // 水 10:15 記載台、転入（紙の転出証明書から）: まだ呼ばれていない
        def v4 = visit(CITY, '2026-12-02T10:15', Channel.KIOSK, [MOVE_IN])
        jdbi.useHandle { h ->
            h.execute("""INSERT INTO reception_move_in (city_code, number, basis, from_city_code, name, sex)
                         VALUES (?, ?, 'PAPER_CERTIFICATE', '131016', '転入 太郎', '1')""", CITY.value(), v4.number().value())
            // 関連手続: the rules suggested three for the first visit, the clerk added one and removed one
            h.execute("""INSERT INTO related_procedure_list (city_code, number, life_event, event_date, answer_keys,
                             answer_values, determined_at, determined_by, version)
                         VALUES (?, ?, 'CERTIFICATE', date '2026-11-30', '{}', '{}', now(), 'c1', 0)""",
                    CITY.value(), v1.number().value())
            h.execute("""INSERT INTO related_procedure_item (city_code, number, seq, procedure_code, origin, removed_by,
                             removed_at, removal_reason)
                         VALUES (?, ?, 1, 'SEAL_CERTIFICATE', 'RULE', NULL, NULL, NULL),
                                (?, ?, 2, 'TAX_CERTIFICATE', 'RULE', 'c1', now(), '不要と申し出'),
                                (?, ?, 3, 'MY_NUMBER_CARD', 'RULE', NULL, NULL, NULL),
                                (?, ?, 4, 'CHILD_ALLOWANCE', 'CLERK', NULL, NULL, NULL)""",
                    CITY.value(), v1.number().value(), CITY.value(), v1.number().value(),
                    CITY.value(), v1.number().value(), CITY.value(), v1.number().value())
        }

        // 前の週に一件、別の市に一件（数えない）
        visit(CITY, '2026-11-23T10:00', Channel.KIOSK, [CERTIFICATE])
        visit(OTHER_CITY, '2026-12-01T11:00', Channel.KIOSK, [CERTIFICATE])
    }

    def "一週間: 来庁は一回、手続は一つずつ数え、待ち時間と処理時間は中央値と90パーセンタイル"() {
        when:
        def week = statistics.of(CITY, WEEK, true)
        def t = week.totals()

        then: 'four visits, five procedures, two finished'
        t.visits() == 4
        t.procedures() == 5
        t.completed() == 2

        and: 'waits of 5, 8 (to the first call) and 30 minutes; handling of 15 and 45; whole visits of 25 and 50'
        t.waiting() == new VisitStatistics.Times(8, 30)
        t.handling() == new VisitStatistics.Times(15, 45)
        t.wholeVisit() == new VisitStatistics.Times(25, 50)

        and: 'three related procedures suggested by the rules, one of them removed'
        t.relatedSuggested() == 3
        t.relatedRemoved() == 1

        and: 'one form printed, one 回付, the printed visit finished without handwriting'
        t.formsPrinted() == 1
        t.referrals() == 1
        t.withoutHandwriting() == 1
        t.signedVisits() == 0
    }

    def "手続別・課別・経路別・ライフイベント別"() {
        when:
        def week = statistics.of(CITY, WEEK, false)

        then: '住民票 in three visits, two finished; its handling ends when it was finished'
        def certificate = week.perProcedure().find { it.key() == 'RESIDENT_CERTIFICATE' }
        [certificate.visits(), certificate.completed()] == [3L, 2L]
        certificate.waiting() == new VisitStatistics.Times(8, 30)
        certificate.handling() == new VisitStatistics.Times(15, 15)
        def health = week.perProcedure().find { it.key() == 'NATIONAL_HEALTH_INSURANCE' }
        [health.visits(), health.completed()] == [1L, 1L]
        health.handling() == new VisitStatistics.Times(45, 45)
        week.perProcedure()*.key() == ['RESIDENT_CERTIFICATE', 'MOVE_IN', 'NATIONAL_HEALTH_INSURANCE']

        and: 'a department counts a visit once however many of its procedures it had'
        week.perDepartment().collectEntries { [it.label(), [it.visits(), it.completed()]] } ==
                ['市民課': [4L, 2L], '保険年金課': [1L, 1L]]

        and:
        week.perChannel().collectEntries { [it.label(), it.visits()] } ==
                ['記載台': 2L, '窓口': 1L, '事前入力': 1L, 'うち転出証明書（紙）から': 1L]
        week.perLifeEvent().collectEntries { [it.label(), it.visits()] } == ['証明書の取得': 3L, '転入': 2L]

        and: '回付 per pair: the two-department visit went from 市民課 to 保険年金課'
        week.referrals() == [new VisitStatistics.Referral('市民課', '保険年金課', 1)]

        and: 'a visit once per counter it was called to (a 再呼出 is the same visit), with the visit\'s times'
        week.perCounter().collect { [it.key(), it.label(), it.visits(), it.completed(), it.waiting(), it.handling()] } == [
                ['HOKEN-1', '保険年金課 1番窓口', 1L, 1L, new VisitStatistics.Times(5, 5), new VisitStatistics.Times(45, 45)],
                ['SHIMIN-1', '市民課 1番窓口', 1L, 1L, new VisitStatistics.Times(8, 8), new VisitStatistics.Times(15, 15)]]

        and: 'no rows per member of staff unless asked for'
        week.perStaff().isEmpty()
        statistics.of(CITY, WEEK, true).perStaff().collectEntries { [it.label(), it.visits()] } == ['窓口 一郎': 2L, '窓口 二郎': 1L]
    }

    def "日別、曜日×時間帯、待ち時間の分布"() {
        when:
        def week = statistics.of(CITY, WEEK, false)

        then:
        week.perDay().collectEntries { [it.day().toString(), it.visits()] } == ['2026-11-30': 2L, '2026-12-01': 1L, '2026-12-02': 1L]
        week.hourWeekday().collect { [it.weekday(), it.hour(), it.visits()] } ==
                [[DayOfWeek.MONDAY, 9, 2L], [DayOfWeek.TUESDAY, 14, 1L], [DayOfWeek.WEDNESDAY, 10, 1L]]
        week.waitingDistribution().collect { it.visits() } == [0L, 2L, 0L, 0L, 0L, 1L, 0L, 0L]
        week.waitingDistribution()[1].label() == '5〜9分'
        week.waitingDistribution()[7].label() == '60分以上'
    }

    def "前の週の合計、来庁のない期間は0と空"() {
        expect:
        statistics.totals(CITY, WEEK.previous()).visits() == 1
        statistics.totals(CITY, WEEK.sameLastYear()) == VisitStatistics.Totals.NONE
    }

    protected Reception visit(city, String localTime, Channel channel, List<Procedure> procedures) {
        def opened = at(localTime)
        def reception = Reception.open(city, receptions.nextNumber(city, LocalDate.parse(localTime.substring(0, 10))), channel,
                null, procedures, channel == Channel.COUNTER ? SECOND : Operator.kiosk('K01'), opened)
        receptions.add(reception)
        reception
    }

    protected void step(Reception visit, Closure change) {
        def stored = receptions.find(visit.city(), visit.number()).get()
        change(stored)
        receptions.update(stored)
    }

    protected static Instant at(String localTime) {
        LocalDateTime.parse(localTime).atZone(JST).toInstant()
    }
}
