package jp.madoguchi.staff.web

import spock.lang.Specification

/** 住民検索の結果行: テンプレートを通さずに書くが、値はすべて th:text と同じくエスケープする。 */
class ResidentRowsSpec extends Specification {

    def "氏名・住所などに含まれる記号はエスケープされ、除票と通称と一致度の表示は保たれる"() {
        given:
        def row = new ResidentSummary('0000000019', '<script>alert(1)</script>', 'ミホン "タロウ"', 'Tom & Jerry',
                '昭和60年4月1日', '男', '世帯主', '見本県みらい市本町1番 <b>', '転出', true, '0000000027', '85', false)

        when:
        def html = ResidentRows.html([row])

        then:
        !html.contains('<script>')
        html.contains('&lt;script&gt;alert(1)&lt;/script&gt;')
        html.contains('ミホン &quot;タロウ&quot;')
        html.contains('（通称 Tom &amp; Jerry）')
        html.contains('見本県みらい市本町1番 &lt;b&gt;')
        html.startsWith('<tr class="removed" data-number="0000000019">')
        html.contains('<td class="score">85</td>')
    }

    def "一致度がなければその列を出さず、4情報一致なら添える"() {
        expect:
        !ResidentRows.html([summary('', false)]).contains('score')
        ResidentRows.html([summary('100', true)]).contains('100（4情報一致）')
    }

    static ResidentSummary summary(String score, boolean exact) {
        new ResidentSummary('1', 'a', '', '', '', '', '', '', '', false, '', score, exact)
    }
}
