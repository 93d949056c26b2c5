package jp.madoguchi.application.service

import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

import jp.madoguchi.application.port.in.ShowStatisticsUseCase
import jp.madoguchi.application.port.in.VisitStatistics
import jp.madoguchi.application.port.out.RenderedDocument
import jp.madoguchi.application.port.out.ReportFolder
import jp.madoguchi.application.port.out.StatisticsReportRenderer
import jp.madoguchi.application.port.out.VisitStatisticsQuery
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.statistics.StatisticsPeriod
import spock.lang.Specification

class ShowStatisticsServiceSpec extends Specification {

    static final Clock CLOCK = Clock.fixed(Instant.parse('2026-12-04T15:30:00Z'), ZoneId.of('Asia/Tokyo'))

    def city = new LocalGovernmentCode('999997')

    def "週の統計は前の週と52週前の週の合計と並べて返す"() {
        given:
        def asked = []
        def query = Stub(VisitStatisticsQuery) {
            of(_, _, _) >> { c, StatisticsPeriod p, boolean byStaff -> asked << p; empty(p, 10) }
            totals(_, _) >> { c, StatisticsPeriod p -> asked << p; totals(p.from().year == 2025 ? 3 : 7) }
        }
        def service = new ShowStatisticsService(query, Stub(StatisticsReportRenderer), null, 'みらい市', CLOCK)
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

    def "日報: その日の統計を職員別なしで文書にし、市の出力先に書く"() {
        given:
        def asked = []
        def query = Stub(VisitStatisticsQuery) {
            of(_, _, _) >> { c, StatisticsPeriod p, boolean byStaff -> asked << byStaff; empty(p, 4) }
            totals(_, _) >> { c, StatisticsPeriod p -> totals(2) }
        }
        StatisticsReportRenderer.StatisticsDocument rendered = null
        def renderer = Stub(StatisticsReportRenderer) {
            render(_) >> { StatisticsReportRenderer.StatisticsDocument d -> rendered = d; new RenderedDocument(d.fileName(), 'application/pdf', [1] as byte[]) }
        }
        def written = [:]
        def folder = { String name, byte[] content -> written[name] = content; "/reports/${name}".toString() } as ReportFolder
        def service = new ShowStatisticsService(query, renderer, folder, 'みらい市', CLOCK)

        when:
        def where = service.writeTodaysReport(city)

        then:
        where == '/reports/日報_2026-12-05.pdf'
        written.keySet() == ['日報_2026-12-05.pdf'] as Set
        asked == [false]
        rendered.title() == '日報'
        rendered.municipality() == 'みらい市'
        rendered.periodLine().startsWith('2026年12月5日　（比較: 前期間 2026年12月4日')
        rendered.sections()[0].rows()[0] == ['来庁', '4', '2', '2']
        rendered.generatedLine().startsWith('2026年12月5日 0:30 作成')
    }

    def "出力先のない市では日報を書けないと言う"() {
        given:
        def service = new ShowStatisticsService(Stub(VisitStatisticsQuery), Stub(StatisticsReportRenderer), null, 'みらい市', CLOCK)

        when:
        service.writeTodaysReport(city)

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('madoguchi.statistics.report-folder')
    }

    private static VisitStatistics empty(StatisticsPeriod period, long visits) {
        new VisitStatistics(period, totals(visits), [], [], [], [], [], [], [], [], [], [])
    }

    private static VisitStatistics.Totals totals(long visits) {
        new VisitStatistics.Totals(visits, visits, 0, VisitStatistics.Times.NONE, VisitStatistics.Times.NONE,
                VisitStatistics.Times.NONE, 0, 0, 0, 0, 0, 0, 0)
    }
}
