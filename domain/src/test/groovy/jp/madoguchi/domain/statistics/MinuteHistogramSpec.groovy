package jp.madoguchi.domain.statistics

import spock.lang.Specification

class MinuteHistogramSpec extends Specification {

    private static MinuteHistogram of(List<Integer> minutes) {
        def histogram = new MinuteHistogram()
        minutes.each { histogram.add(it) }
        histogram
    }

    /** percentile_disc as PostgreSQL defines it: the value at rank ceil(p × n) of the sorted values (at least 1). */
    private static Integer percentileDisc(List<Integer> minutes, double p) {
        def sorted = minutes.findAll { it != null }.sort()
        sorted.isEmpty() ? null : sorted[(int) Math.max(1, Math.ceil(p * sorted.size())) - 1]
    }

    def "中央値と90パーセンタイルは並べた値の ceil(p×n) 番目: #minutes"() {
        expect:
        of(minutes).median() == median
        of(minutes).percentile(0.9) == p90

        where:
        minutes                          || median | p90
        [7]                              || 7      | 7
        [3, 1, 2]                        || 2      | 3
        [1, 2, 3, 4]                     || 2      | 4
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 30]  || 0      | 0
        [5, 5, 5, 5, 5, 5, 5, 5, 10, 30] || 5      | 10
        [null, 4, null]                  || 4      | 4
        []                               || null   | null
    }

    def "日ごとの分布を足した百分位は、全来庁の値から取った百分位と一致する（無作為な千日分）"() {
        given:
        def random = new Random(20261205)

        expect:
        (1..1000).every {
            def days = (1..random.nextInt(1, 6)).collect { (1..random.nextInt(0, 40)).collect { random.nextInt(-2, 90) } }
            def merged = new MinuteHistogram()
            days.each { merged.addAll(of(it)) }
            def all = days.flatten() as List<Integer>
            [0.5d, 0.9d, 0.25d, 1d].every { p -> merged.percentile(p) == percentileDisc(all, p) } &&
                    merged.count() == all.size()
        }
    }

    def "保存する形（分と度数の組）から戻すと同じ分布になる"() {
        given:
        def histogram = of([12, 3, 3, 45, -1])

        expect:
        histogram.toPairs() == [-1, 1, 3, 2, 12, 1, 45, 1] as int[]
        MinuteHistogram.fromPairs(histogram.toPairs()) == histogram
        MinuteHistogram.fromPairs(histogram.toPairs()).median() == 3
    }

    def "待ち時間の区分ごとの件数: 下端を含み上端を含まない、上端なしはそれ以上すべて"() {
        given:
        def histogram = of([0, 4, 5, 9, 10, 59, 60, 200])

        expect:
        histogram.countBetween(0, 5) == 2
        histogram.countBetween(5, 10) == 2
        histogram.countBetween(45, 60) == 1
        histogram.countBetween(60, null) == 2
    }

    def "組でない配列・負の度数は受け付けない"() {
        when:
        MinuteHistogram.fromPairs([1, 2, 3] as int[])

        then:
        thrown(IllegalArgumentException)

        when:
        new MinuteHistogram().add(1, -1)

        then:
        thrown(IllegalArgumentException)
    }
}
