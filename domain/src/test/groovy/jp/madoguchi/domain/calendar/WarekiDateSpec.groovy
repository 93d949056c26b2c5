package jp.madoguchi.domain.calendar

import spock.lang.Specification

import java.time.LocalDate

class WarekiDateSpec extends Specification {

    EraTable eras = EraTable.shipped()

    def "和暦と西暦の往復: #written ⇔ #gregorian"() {
        when:
        def date = WarekiDate.parse(written, eras)

        then:
        date.isExact()
        date.toLocalDate().get() == LocalDate.parse(gregorian)
        WarekiDate.of(LocalDate.parse(gregorian), eras).format() == written
        date.format() == written

        where:
        written           | gregorian
        '令和元年5月1日'   | '2019-05-01'
        '平成31年4月30日'  | '2019-04-30'
        '平成元年1月8日'   | '1989-01-08'
        '昭和64年1月7日'   | '1989-01-07'
        '昭和60年4月1日'   | '1985-04-01'
        '大正元年7月30日'  | '1912-07-30'
        '明治6年1月1日'    | '1873-01-01'
        '令和8年11月22日'  | '2026-11-22'
    }

    def "元年は入力でも出力でも使える"() {
        expect:
        WarekiDate.parse('令和元年5月1日', eras) == WarekiDate.parse('令和1年5月1日', eras)
        WarekiDate.parse('令和1年5月1日', eras).format() == '令和元年5月1日'
        WarekiDate.parse('令和２年２月２９日', eras).toLocalDate().get() == LocalDate.of(2020, 2, 29)
    }

    def "重複日（崩御の日）は両方の元号で有効で、西暦からは新しい元号になる: #written"() {
        expect:
        WarekiDate.parse(written, eras).toLocalDate().get() == LocalDate.parse(gregorian)
        WarekiDate.of(LocalDate.parse(gregorian), eras).format() == newEra

        where:
        written            | gregorian    | newEra
        '明治45年7月30日'   | '1912-07-30' | '大正元年7月30日'
        '大正元年7月30日'   | '1912-07-30' | '大正元年7月30日'
        '大正15年12月25日'  | '1926-12-25' | '昭和元年12月25日'
        '昭和元年12月25日'  | '1926-12-25' | '昭和元年12月25日'
    }

    def "元号の範囲外の日付は記録として保持するが西暦にはしない: #written"() {
        when:
        def date = WarekiDate.parse(written, eras)

        then:
        date.isExact()
        date.format() == written
        date.toLocalDate().isEmpty()

        where:
        written << ['平成31年5月1日', '昭和64年1月8日', '明治45年7月31日', '令和元年4月30日']
    }

    def "暦にない日（2月30日など）はデータとして保持する"() {
        when:
        def date = WarekiDate.parse('平成2年2月30日', eras)

        then:
        date.isExact()
        date.day() == 30
        date.toLocalDate().isEmpty()
        date.format() == '平成2年2月30日'
    }

    def "明治5年以前は旧暦なので変換しない"() {
        expect:
        WarekiDate.parse('明治5年12月2日', eras).toLocalDate().isEmpty()
        WarekiDate.parse('明治元年9月8日', eras).toLocalDate().isEmpty()
    }

    def "不詳日は表記のまま保持し、分かる部分だけ持つ: #written"() {
        when:
        def date = WarekiDate.parse(written, eras)

        then:
        !date.isExact()
        date.notation() == written
        date.format() == written
        date.era()?.name() == era
        date.year() == year
        date.month() == month
        date.toLocalDate().isEmpty()

        where:
        written                       | era    | year | month
        '昭和20年頃'                  | '昭和' | 20   | null
        '令和3年4月上旬'              | '令和' | 3    | 4
        '令和3年4月1日から4月5日頃までの間' | '令和' | 3 | 4
        '年月日不詳'                  | null   | null | null
        '令和○年頃'                   | '令和' | null | null
    }

    def "旧式の和暦コード GYYMMDD を読み書きできる"() {
        expect:
        WarekiDate.fromLegacyCode('4010108', null, eras).format() == '平成元年1月8日'
        WarekiDate.fromLegacyCode('3200000', '昭和20年頃', eras).format() == '昭和20年頃'
        WarekiDate.fromLegacyCode('3200000', '昭和20年頃', eras).year() == 20
        WarekiDate.parse('令和元年5月1日', eras).toLegacyCode() == '5010501'
    }

    def "部分的な日付に表記がなければ拒否する"() {
        when:
        WarekiDate.fromLegacyCode('3200000', null, eras)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('表記')
    }

    def "不正な値は分かる言葉で拒否する"() {
        when:
        new WarekiDate(eras.byName('令和').get(), 1, 13, 1, null)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == '月は1〜12です: 13'
    }

    def "新しい元号は表に1行足すだけで使える"() {
        given: 'a table where 令和 ends and a hypothetical new era starts'
        def table = EraTable.load(new StringReader('''\
            |3\t昭和\tS\t1926-12-25\t1989-01-07
            |4\t平成\tH\t1989-01-08\t2019-04-30
            |5\t令和\tR\t2019-05-01\t2040-01-31
            |6\t新元号\tN\t2040-02-01
            |'''.stripMargin()))

        expect:
        WarekiDate.of(LocalDate.of(2040, 2, 1), table).format() == '新元号元年2月1日'
        WarekiDate.parse('新元号2年3月4日', table).toLocalDate().get() == LocalDate.of(2041, 3, 4)
        WarekiDate.parse('令和21年1月31日', table).toLocalDate().get() == LocalDate.of(2039, 1, 31)
        WarekiDate.parse('令和22年2月1日', table).toLocalDate().isEmpty()
    }

    def "元号の表の誤りは読み込み時に分かる"() {
        when:
        EraTable.load(new StringReader("4\t平成\tH\t1989-01-08\n5\t令和\tR\t2019-05-01\n"))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('最終日がない')
    }
}
