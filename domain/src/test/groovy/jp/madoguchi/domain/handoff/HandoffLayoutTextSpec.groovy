package jp.madoguchi.domain.handoff

import jp.madoguchi.domain.calendar.EraTable
import spock.lang.Specification

import java.time.LocalDate

/** 連携レイアウトの書き方: 項目辞書の項目と書式で列を決め、誤りは行番号つきでまとめて断る。 */
class HandoffLayoutTextSpec extends Specification {

    static final Set<String> FIELDS = ['受付番号', '通数', '生年月日', '続柄', '氏名'] as Set
    static final CodeLists CODES = new CodeLists(['続柄': ['世帯主': '02']])

    def "列は項目辞書の項目を名前と書式で置き、任意の列と単位を読む"() {
        when:
        def layout = HandoffLayoutText.parse('''
# コメント
レイアウト: CARD_FACE
名称: 券面事項
手続: CARD_FACE_CHANGE, CARD_PERIOD_CHANGE
単位: 世帯員ごと
送り先: folder
列: 番号 = 受付番号
列: 生 = 生年月日 [西暦8桁]
列: 続 = 続柄 [コード 続柄] 任意
列: 個人番号 = 個人番号 [封緘]
''', FIELDS, CODES)

        then:
        layout.id() == 'CARD_FACE'
        layout.unit() == HandoffLayout.Unit.MEMBER
        layout.procedures() == ['CARD_FACE_CHANGE', 'CARD_PERIOD_CHANGE'] as Set
        layout.header() == ['番号', '生', '続', '個人番号']
        layout.columns()*.optional() == [false, false, true, false]
        layout.columns()[1].format().write(new FieldValue('昭和60年4月1日', LocalDate.of(1985, 4, 1)), CODES, EraTable.shipped()) == '19850401'
        layout.columns()[2].format().write(FieldValue.of('世帯主'), CODES, EraTable.shipped()) == '02'
        layout.columns()[3].format().style() == ColumnFormat.Style.SEALED
        layout.deliversTo('folder')
        !layout.deliversTo('s3')
    }

    def "知らない項目・平文の個人番号・ない表・壊れた書式は、行番号つきでまとめて断る"() {
        when:
        HandoffLayoutText.parse('''レイアウト: X_LAYOUT
手続: RESIDENT_CERTIFICATE
列: a = 住所かな
列: b = 個人番号
列: c = 続柄 [コード 無い表]
列: d = 通数 [0埋め]
列: d = 氏名
送り先: ftp
''', FIELDS, CODES)

        then:
        def e = thrown(HandoffLayoutException)
        e.problems().any { it.startsWith('3行目') && it.contains('住所かな') }
        e.problems().any { it.startsWith('4行目') && it.contains('封緘') }
        e.problems().any { it.startsWith('5行目') && it.contains('無い表') }
        e.problems().any { it.startsWith('6行目') && it.contains('桁数') }
        e.problems().any { it.startsWith('7行目') && it.contains('二度') }
        e.problems().any { it.startsWith('8行目') && it.contains('ftp') }
    }
}
