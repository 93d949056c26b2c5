package jp.madoguchi.domain.resident

import spock.lang.Specification

class PersonNameSpec extends Specification {

    def "異体字セレクタ付きの名前を符号位置どおりに保持する"() {
        given: '葛 + U+E0100 (IVS), as MJ characters are delivered'
        def ivsName = '葛\uDB40\uDD00城 太郎'

        when:
        def name = PersonName.of(ivsName, 'カツラギ タロウ')

        then:
        name.name() == ivsName
        name.name().codePoints().toArray() == [0x845B, 0xE0100, 0x57CE, 0x20, 0x592A, 0x90CE] as int[]
        name.hasVariationSelectors()
        name.nameCodePointCount() == 6
        PersonName.withoutVariationSelectors(name.name()) == '葛城 太郎'
    }

    def "BMP外の漢字（𠮷）を1文字として保持する"() {
        when:
        def name = PersonName.of('𠮷田 一郎', 'ヨシダ イチロウ')

        then:
        name.name().codePointAt(0) == 0x20BB7
        name.nameCodePointCount() == 5
        name.name().getBytes('UTF-8') == '𠮷田 一郎'.getBytes('UTF-8')
        !name.hasVariationSelectors()
    }

    def "旧氏・通称・英字氏名を持てる"() {
        when:
        def name = PersonName.of('SMITH JOHN', 'スミス ジョン')
                .withAlias('須美須 譲', 'スミス ジョウ')
                .withAlphabetName('SMITH JOHN')
                .withFormerSurname('BROWN', 'ブラウン')

        then:
        name.alias() == '須美須 譲'
        name.aliasKana() == 'スミス ジョウ'
        name.formerSurname() == 'BROWN'
        name.alphabetName() == 'SMITH JOHN'
    }

    def "フリガナがカタカナでなければ拒否する: #kana"() {
        when:
        PersonName.of('窓口 花子', kana)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith('氏名フリガナはカタカナで入力してください')

        where:
        kana << ['まどぐち はなこ', 'Madoguchi', 'ﾏﾄﾞｸﾞﾁ']
    }

    def "壊れた文字列を拒否する: #why"() {
        when:
        PersonName.of(text, null)

        then:
        thrown(IllegalArgumentException)

        where:
        why                   | text
        'サロゲートの片割れ'   | 'ab\uD842c'
        '制御文字'             | '窓口\u0007花子'
        '先頭の異体字セレクタ' | '\uDB40\uDD00葛'
        '空'                   | '  '
    }

    def "旧氏のない旧氏フリガナは拒否する"() {
        when:
        new PersonName('窓口 花子', null, null, 'ヤマダ', null, null, null)

        then:
        thrown(IllegalArgumentException)
    }
}
