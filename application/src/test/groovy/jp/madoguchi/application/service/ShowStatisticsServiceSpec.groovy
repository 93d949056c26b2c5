package jp.madoguchi.application.service

import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

import jp.madoguchi.application.port.in.ShowStatisticsUseCase
import jp.madoguchi.application.port.in.VisitStatistics
import jp.madoguchi.application.port.out.VisitStatisticsQuery
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.statistics.StatisticsPeriod
import spock.lang.Specification

class ShowStatisticsServiceSpec extends Specification {

    def city = new LocalGovernmentCode('999997')

    def "週の統計は前の週と52週前の週の合計と並べて返す"() {
        given:
        def asked = []
        def query = Stub(VisitStatisticsQuery) {
            of(_, _, _) >> { c, StatisticsPeriod p, boolean byStaff -> asked << p; empty(p, 10) }
            totals(_, _) >> { c, StatisticsPeriod p -> asked << p; totals(p.from().year == 2025 ? 3 : 7) }
        }
        def service = new ShowStatisticsService(query, Clock.fixed(Instant.parse('2026-12-04T15:30:00Z'), ZoneId.of('Asia/Tokyo')))
        def week = StatisticsPeriod.week(LocalDate.of(2026, 12, 3))

        when:
        def report = service.report(new ShowStatisticsUseCase.StatisticsQuery(city, week, false))

        then:
        asked == [week, week.previous(), week.sameLastYear()]
        report.current().totals().visits() == 10
        report.previous().visits() == 7
        report.sameLastYear().visits() == 3
        report.previousPeriod() == week.previous()

        and: 'today is the city hall day, not the server zone day'
        service.today() == LocalDate.of(2026, 12, 5)
    }

    private static VisitStatistics empty(StatisticsPeriod period, long visits) {
        new VisitStatistics(period, totals(visits), [], [], [], [], [], [], [], [])
    }

    private static VisitStatistics.Totals totals(long visits) {
        new VisitStatistics.Totals(visits, visits, 0, VisitStatistics.Times.NONE, VisitStatistics.Times.NONE,
                VisitStatistics.Times.NONE, 0, 0, 0, 0, 0)
    }
}
