package jp.madoguchi.staff.web

import spock.lang.Specification

/** 住民検索の結果行: テンプレートを通さずに書くが、値はすべて th:text と同じくエスケープする。 */
class ResidentRowsSpec extends Specification {

    def "氏名・住所などに含まれる記号はエスケープされ、除票と通称と一致度の表示は保たれる"() {
        given:
        def row = [number: '0000000019', name: '<script>alert(1)</script>', kana: 'ミホン "タロウ"', alias: 'Tom & Jerry',
                   born: '昭和60年4月1日', sex: '男', address: '見本県みらい市本町1番 <b>', status: '転出', removed: true,
                   score: '85', exact: false]

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
        !ResidentRows.html([[number: '1', name: 'a', score: '', exact: false]]).contains('score')
        ResidentRows.html([[number: '1', name: 'a', score: '100', exact: true]]).contains('100（4情報一致）')
    }
}
