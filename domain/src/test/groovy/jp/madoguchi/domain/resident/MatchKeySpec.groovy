package jp.madoguchi.domain.resident

import java.text.Normalizer

import spock.lang.Specification

/** 照合キー: 空白・全角半角・異体字セレクタを無視して氏名やフリガナを照合する. */
class MatchKeySpec extends Specification {

    def "正規化しなくてよいと見なす文字は、どれも NFKC で変わらない"() {
        given:
        def stable = (0..0xFFFF).findAll { MatchKey.isStable((char) it) }

        expect:
        stable.size() > 20_000
        stable.every { String s = new String([it] as char[]); Normalizer.normalize(s, Normalizer.Form.NFKC) == s }
    }

    def "氏名のキー: #text → #key"() {
        expect:
        MatchKey.name(text) == key

        where:
        text                   || key
        '山田　太郎'              || '山田太郎'
        'ヤマダ タロウ'           || 'ヤマダタロウ'
        'ﾔﾏﾀﾞ ﾀﾛｳ'              || 'ヤマダタロウ'
        'ＹＡＭＡＤＡ　Ｔａｒｏ'     || 'YAMADATaro'
        '葛\uDB40\uDD04西 花子'   || '葛西花子'
        '𠮷田 一郎'              || '𠮷田一郎'
        '髙橋\t次郎'             || '髙橋次郎'
        'か\u3099ん'             || 'がん'
        '神\uFA19'              || '神神'
        ''                      || ''
        null                    || ''
    }

    def "ひらがなで入力してもカタカナのフリガナと同じキーになる"() {
        expect:
        MatchKey.kana('やまだ　たろう') == MatchKey.kana('ヤマダ タロウ')
        MatchKey.kana('ﾔﾏﾀﾞ') == 'ヤマダ'
    }
}
