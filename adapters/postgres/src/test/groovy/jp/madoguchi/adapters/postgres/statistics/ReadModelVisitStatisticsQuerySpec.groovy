package jp.madoguchi.adapters.postgres.statistics

import java.time.Clock
import java.time.LocalDate

import jp.madoguchi.adapters.postgres.JdbiReceptionPaperwork
import jp.madoguchi.application.port.out.ReceptionPaperwork
import jp.madoguchi.application.port.out.VisitStatisticsQuery
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.reception.ServiceCounter
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.statistics.StatisticsPeriod

import static jp.madoguchi.adapters.postgres.testing.Fixtures.CITY

/**
 * The read model (統計の集計表) gives the straight query's figures: the inherited features run over it with today
 * 2026-12-02 (Monday and Tuesday of the week read from built days, Wednesday counted straight); then a month and a
 * half of generated visits is compared figure by figure, and changes to closed days are counted again.
 */
class ReadModelVisitStatisticsQuerySpec extends StraightVisitStatisticsQuerySpec {

    static final Clock WEDNESDAY_AFTERNOON = Clock.fixed(at('2026-12-02T16:00'), JST)

    @Override
    protected VisitStatisticsQuery query() {
        new ReadModelVisitStatisticsQuery(jdbi, WEDNESDAY_AFTERNOON)
    }

    private StraightVisitStatisticsQuery straight() {
        new StraightVisitStatisticsQuery(jdbi, WEDNESDAY_AFTERNOON)
    }

    def "閉じた日に来庁が加わり進むと、その日は数え直される（集計済みの日も）"() {
        given: 'Tuesday is built'
        def tuesday = StatisticsPeriod.day(LocalDate.of(2026, 12, 1))
        def before = statistics.of(CITY, tuesday, true)
        assert builtDay('2026-12-01')

        when: 'a visit of that day arrives late (as a correction would) and is finished'
        def late = visit(CITY, '2026-12-01T16:00', Channel.COUNTER, [CERTIFICATE])
        def added = statistics.of(CITY, tuesday, true)
        step(late) { it.startHearing(FIRST, at('2026-12-01T16:07')) }
        step(late) { it.confirm(FIRST, at('2026-12-01T16:10')) }
        step(late) { it.markPrinted(FIRST, at('2026-12-01T16:12'), '住民票の写し等交付申請書') }
        step(late) { it.complete(FIRST, at('2026-12-01T16:19')) }
        def finished = statistics.of(CITY, tuesday, true)

        then:
        added.totals().visits() == before.totals().visits() + 1
        finished.totals().completed() == before.totals().completed() + 1
        finished.perStaff().find { it.key() == 'c1' }.visits() == 2
        finished == straight().of(CITY, tuesday, true)
    }

    def "一か月半の来庁: 日・週・月・期間・今日を含む期間のどの数字も直接の集計と一致する"() {
        given:
        generate(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 12, 2), new Random(20261205))
        // steps recorded before version 27 have no department: their 回付 count as 「（記録なし）」
        jdbi.useHandle { it.execute("UPDATE reception_timeline SET department_code = NULL, department_name = NULL WHERE at < '2026-10-24'") }
        def periods = [StatisticsPeriod.day(LocalDate.of(2026, 11, 4)), StatisticsPeriod.week(LocalDate.of(2026, 11, 18)),
                       StatisticsPeriod.month(LocalDate.of(2026, 11, 1)), StatisticsPeriod.month(LocalDate.of(2026, 12, 2)),
                       StatisticsPeriod.day(LocalDate.of(2026, 12, 2)),
                       new StatisticsPeriod(StatisticsPeriod.Kind.RANGE, LocalDate.of(2026, 10, 20), LocalDate.of(2026, 12, 2)),
                       StatisticsPeriod.fiscalYear(LocalDate.of(2026, 12, 2))]

        expect: 'every angle, row and time, in the same order'
        periods.every { period ->
            def read = statistics.of(CITY, period, true)
            def counted = straight().of(CITY, period, true)
            assert read == counted: period.label()
            assert statistics.totals(CITY, period) == counted.totals()
            true
        }

        and: 'the generated visits are there to compare, and November was read from its month slices'
        straight().of(CITY, periods[5], false).totals().visits() > 150
        straight().of(CITY, periods[5], false).referrals()*.fromDepartment().containsAll(['（記録なし）', '市民課'])
        monthBuilt('2026-11-01')
    }

    def "集計済みの月の一日が変わると、その日と月は数え直される"() {
        given:
        def november = StatisticsPeriod.month(LocalDate.of(2026, 11, 1))
        def before = statistics.of(CITY, november, false)
        assert monthBuilt('2026-11-01')

        when:
        def late = visit(CITY, '2026-11-16T11:00', Channel.KIOSK, [MOVE_IN])
        step(late) { it.startHearing(SECOND, at('2026-11-16T11:02')) }

        then:
        def after = statistics.of(CITY, november, false)
        after.totals().visits() == before.totals().visits() + 1
        after == straight().of(CITY, november, false)
        monthBuilt('2026-11-01')
    }

    static final List<ServiceCounter> COUNTERS = [new ServiceCounter('SHIMIN-1', '1番窓口', SHIMIN),
                                                  new ServiceCounter('SHIMIN-2', '2番窓口', SHIMIN),
                                                  new ServiceCounter('HOKEN-1', '1番窓口', HOKEN)]

    /** Some visits every weekday: channels, one or two departments, some not called or not finished, prints. */
    private void generate(LocalDate from, LocalDate to, Random random) {
        def paperwork = new JdbiReceptionPaperwork(jdbi)
        def staff = [FIRST, SECOND, Operator.staff('c3', '窓口 三郎')]
        List<List<Procedure>> asked = [[CERTIFICATE], [MOVE_IN, HEALTH], [CERTIFICATE, HEALTH], [HEALTH], [MOVE_IN]]
        for (def day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.dayOfWeek.value > 5) {
                continue
            }
            (1..random.nextInt(3, 8)).each {
                def opened = String.format('%sT%02d:%02d', day, random.nextInt(8, 17), random.nextInt(60))
                Reception v = visit(CITY, opened, Channel.values()[random.nextInt(Channel.values().length)],
                        asked[random.nextInt(asked.size())])
                def clock = at(opened)
                def by = staff[random.nextInt(staff.size())]
                if (random.nextInt(10) < 8) {
                    clock = clock.plusSeconds(random.nextInt(0, 50 * 60))
                    if (random.nextInt(10) < 6) {
                        // most are called to a counter first, some of them again (再呼出) or to a second counter
                        def here = COUNTERS.findAll { it.department() == v.department() }
                        def counter = here[random.nextInt(here.size())]
                        step(v) { it.call(counter, by, clock) }
                        clock = clock.plusSeconds(random.nextInt(0, 5 * 60))
                        if (random.nextBoolean()) {
                            def again = random.nextBoolean() ? counter : here[random.nextInt(here.size())]
                            step(v) { it.call(again, by, clock) }
                        }
                    }
                    step(v) { it.startHearing(by, clock) }
                    if (random.nextInt(10) < 8) {
                        clock = clock.plusSeconds(random.nextInt(60, 30 * 60))
                        step(v) { it.confirm(by, clock) }
                        step(v) { it.markPrinted(by, clock, '申請書') }
                        if (random.nextBoolean()) {
                            paperwork.recordPrint(CITY, v.number(), new ReceptionPaperwork.PrintRecord('RESIDENT_CERTIFICATE_REQUEST', 1, 'demo', by.id(), clock))
                        }
                        clock = clock.plusSeconds(random.nextInt(60, 20 * 60))
                        step(v) { it.complete(by, clock) }
                    }
                }
            }
        }
    }

    private boolean builtDay(String day) {
        jdbi.withHandle { h ->
            h.createQuery("SELECT count(*) FROM statistics_day WHERE city_code = :city AND day = CAST(:day AS date) AND NOT stale")
                    .bind('city', CITY.value()).bind('day', day).mapTo(Long).one() == 1
        }
    }

    private boolean monthBuilt(String month) {
        jdbi.withHandle { h ->
            h.createQuery("SELECT count(*) FROM statistics_month WHERE city_code = :city AND month = CAST(:month AS date)")
                    .bind('city', CITY.value()).bind('month', month).mapTo(Long).one() == 1
        }
    }
}
