package jp.madoguchi.domain.shared

import spock.lang.Specification

class LocalGovernmentCodeSpec extends Specification {

    def "公表されている地方公共団体コードの検査数字を受け入れる: #code"() {
        expect:
        new LocalGovernmentCode(code).value() == code
        LocalGovernmentCode.fromFiveDigits(code.substring(0, 5)).value() == code

        where:
        code << ['011002', '131016', '131032', '271004', '141003', '012131', '012190', '011011']
    }

    def "余り0は検査数字1、余り1は検査数字0になる"() {
        expect: 'remainder 0 (苫小牧市) and remainder 1 (紋別市)'
        LocalGovernmentCode.checkDigitOf('01213') == '1' as char
        LocalGovernmentCode.checkDigitOf('01219') == '0' as char
    }

    def "検査数字の誤りや桁数の誤りを分かる言葉で拒否する: #code"() {
        when:
        new LocalGovernmentCode(code)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(reason)

        where:
        code      | reason
        '131017'  | '検査数字が正しくありません'
        '13101'   | '6桁の数字'
        '13101a'  | '6桁の数字'
        '1310166' | '6桁の数字'
    }
}
