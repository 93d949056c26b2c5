package jp.madoguchi.domain.statistics

import java.time.LocalDate

import jp.madoguchi.domain.shared.Rejection
import spock.lang.Specification

class StatisticsPeriodSpec extends Specification {

    def "週は月曜日から日曜日、前の期間はその前の週、前年同期は52週前の同じ曜日"() {
        when:
        def week = StatisticsPeriod.week(LocalDate.of(2026, 12, 3)) // 木曜日

        then:
        week.from() == LocalDate.of(2026, 11, 30)
        week.to() == LocalDate.of(2026, 12, 6)
        week.previous() == new StatisticsPeriod(StatisticsPeriod.Kind.WEEK, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29))
        week.sameLastYear().from() == LocalDate.of(2025, 12, 1)
        week.sameLastYear().from().dayOfWeek == week.from().dayOfWeek
    }

    def "年度は4月1日から3月31日: #day は #from 〜 #to"() {
        expect:
        StatisticsPeriod.fiscalYear(day).from() == from
        StatisticsPeriod.fiscalYear(day).to() == to
        StatisticsPeriod.fiscalYear(day).label().startsWith("${from.year}年度")

        where:
        day                        || from                       | to
        LocalDate.of(2027, 3, 31)  || LocalDate.of(2026, 4, 1)   | LocalDate.of(2027, 3, 31)
        LocalDate.of(2026, 4, 1)   || LocalDate.of(2026, 4, 1)   | LocalDate.of(2027, 3, 31)
        LocalDate.of(2026, 12, 5)  || LocalDate.of(2026, 4, 1)   | LocalDate.of(2027, 3, 31)
    }

    def "月の前の期間は前の月の全体（日数が違っても）"() {
        expect:
        StatisticsPeriod.month(LocalDate.of(2026, 3, 15)).previous() ==
                new StatisticsPeriod(StatisticsPeriod.Kind.MONTH, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))
        StatisticsPeriod.month(LocalDate.of(2026, 3, 15)).sameLastYear().to() == LocalDate.of(2025, 3, 31)
    }

    def "次の期間は前の期間の逆: 次の月、次の年度、同じ日数だけ後"() {
        expect:
        StatisticsPeriod.month(LocalDate.of(2026, 1, 31)).next() == StatisticsPeriod.month(LocalDate.of(2026, 2, 1))
        StatisticsPeriod.fiscalYear(LocalDate.of(2026, 5, 1)).next().from() == LocalDate.of(2027, 4, 1)
        StatisticsPeriod.range(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 10)).next() ==
                StatisticsPeriod.range(LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 20))
        StatisticsPeriod.week(LocalDate.of(2026, 12, 3)).next().previous() == StatisticsPeriod.week(LocalDate.of(2026, 12, 3))
    }

    def "期間指定の前の期間は同じ日数だけ前"() {
        when:
        def range = StatisticsPeriod.range(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 10))

        then:
        range.days() == 10
        range.previous().from() == LocalDate.of(2026, 11, 21)
        range.previous().to() == LocalDate.of(2026, 11, 30)
        range.label() == '2026年12月1日〜2026年12月10日（期間指定）'
    }

    def "末日が初日より前、長すぎる期間は理由を添えて断る"() {
        when:
        StatisticsPeriod.range(from, to)

        then:
        def e = thrown(Rejection)
        e.message.contains(words)

        where:
        from                      | to                        || words
        LocalDate.of(2026, 12, 2) | LocalDate.of(2026, 12, 1) || '初日（2026年12月2日）より前'
        LocalDate.of(2024, 1, 1)  | LocalDate.of(2026, 12, 1) || '732 日まで'
    }
}
