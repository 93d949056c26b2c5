package jp.madoguchi.application.service

import jp.madoguchi.application.port.in.DailyStatistics
import jp.madoguchi.application.port.out.DailyStatisticsQuery
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

/** 日次統計: 「今日」は市の時刻の今日（日本時間の朝9時前の UTC は前日）。 */
class ShowDailyStatisticsServiceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    List<LocalDate> asked = []
    DailyStatisticsQuery query = { city, day ->
        asked << day
        new DailyStatistics(day, day == LocalDate.of(2026, 11, 22)
                ? [new DailyStatistics.ProcedureCount('RESIDENT_CERTIFICATE', '住民票の写し', 3, 2)] : [])
    } as DailyStatisticsQuery

    def "市の時刻で今日の集計を出し、ほかの日は空でも表になる"() {
        given:
        // 2026-11-21 23:30 UTC is already the 22nd in Tokyo
        def statistics = new ShowDailyStatisticsService(query, Clock.fixed(Instant.parse('2026-11-21T23:30:00Z'), ZoneId.of('Asia/Tokyo')))

        expect:
        statistics.today(CITY).total() == 3
        statistics.forDay(CITY, LocalDate.of(2026, 11, 1)).total() == 0
        asked == [LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 1)]
    }
}
