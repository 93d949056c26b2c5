package jp.madoguchi.application.port.in

import java.time.DayOfWeek
import java.time.LocalTime

import jp.madoguchi.domain.shared.Rejection
import spock.lang.Specification

class OpeningHoursSpec extends Specification {

    def "開庁時間は 08:30-17:15 の形で、平日"() {
        when:
        def hours = OpeningHours.parse(' 08:45 - 17:30 ')

        then:
        hours.opens() == LocalTime.of(8, 45)
        hours.closes() == LocalTime.of(17, 30)
        hours.days() == EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) as Set
        hours.label() == '月〜金 08:45〜17:30'
    }

    def "形の違う指定、閉庁が開庁より前の指定は理由を添えて断る: #text"() {
        when:
        OpeningHours.parse(text)

        then:
        def e = thrown(Rejection)
        e.message.contains(words)

        where:
        text          || words
        '15'          || '08:30-17:15 の形'
        '17:00-08:30' || '閉庁時刻（08:30）が開庁時刻（17:00）より前'
    }

    def "稼働率: 開庁時間の分のうち稼働していた分、目標は99.5%"() {
        expect:
        new OperationReport.Availability(1000, 995).percentText() == '99.50%'
        new OperationReport.Availability(1000, 995).meetsGoal()
        !new OperationReport.Availability(1000, 994).meetsGoal()
        new OperationReport.Availability(0, 0).percentText() == '—'
    }
}
