package jp.madoguchi.adapters.linkage

import java.util.concurrent.Executors

import spock.lang.Specification

/** FULL ファイルのキー重複の検出. */
class SeenKeysSpec extends Specification {

    def keys = new SeenKeys()

    def "初めてのキーは -1、2回目は最初に見た行を返す"() {
        expect:
        keys.firstSeen('000000000000011', 2) == -1
        keys.firstSeen('000000000000029', 3) == -1
        keys.firstSeen('000000000000011', 9) == 2
        keys.firstSeen('000000000000011', 12) == 2
    }

    def "先頭の 0 が違えば別のキー、数字でないキーや長いキーも扱う"() {
        expect:
        keys.firstSeen('007', 2) == -1
        keys.firstSeen('7', 3) == -1
        keys.firstSeen('0007', 4) == -1
        keys.firstSeen('123456789012345678', 5) == -1   // 18 digits: held as text
        keys.firstSeen('123456789012345678', 6) == 5
        keys.firstSeen('12345|K1|', 7) == -1
        keys.firstSeen('12345|K1|', 8) == 7
        keys.firstSeen('007', 10) == 2
    }

    def "数字のキーの符号は桁数も含めて一意"() {
        expect:
        SeenKeys.code('007') != SeenKeys.code('7')
        SeenKeys.code('99999999999999999') > 0
        SeenKeys.code('') == 0
        SeenKeys.code('12a') == 0
        SeenKeys.code('１２') == 0
    }

    def "百万件を2つのスレッドで登録しても、重複だけを漏れなく見つける"() {
        given: 'every 1,000th serial appears twice, once in each half'
        def pool = Executors.newFixedThreadPool(2)
        def halves = [(0..<500_000), (500_000..<1_000_000)]
        def duplicates = Collections.synchronizedList([])

        when:
        halves.collect { range ->
            pool.submit {
                for (long line : range) {
                    long serial = line < 500_000 ? line : (line % 1000 == 0 ? line - 500_000 : line)
                    long earlier = keys.firstSeen(String.format('%015d', serial), line)
                    if (earlier >= 0) {
                        duplicates << [earlier, line].sort()
                    }
                }
            }
        }*.get()
        pool.shutdown()

        then:
        duplicates.size() == 500
        duplicates.every { it[1] - it[0] == 500_000 }
    }
}
