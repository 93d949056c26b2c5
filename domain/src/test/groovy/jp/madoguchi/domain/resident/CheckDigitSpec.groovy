package jp.madoguchi.domain.resident

import spock.lang.Specification

class CheckDigitSpec extends Specification {

    def "宛名番号の検査数字はモジュラス11・ウェイト2〜7で計算する"() {
        // serial 000012345: from the right 5·2 + 4·3 + 3·4 + 2·5 + 1·6 = 50, 50 mod 11 = 6, 11 − 6 = 5
        expect:
        AddresseeNumber.fromSerial('000012345').value() == '0000123455'
    }

    def "ウェイトは7の次に2へ戻る"() {
        // serial 1000000: the 7th digit from the right has weight 2 again: 1·2 = 2, 11 − 2 = 9
        expect:
        AddresseeNumber.fromSerial('1000000').value() == '10000009'
    }

    def "余りが0なら検査数字は0"() {
        expect: 'all zeros: sum 0'
        AddresseeNumber.fromSerial('000000000').value() == '0000000000'
    }

    def "余り1の番号も検査数字0になる"() {
        // 6·2 = 12, 12 mod 11 = 1
        expect:
        CheckDigitM11W2To7.of('6') == '0' as char
        AddresseeNumber.isValid('60')
        !AddresseeNumber.isValid('61')
    }

    def "検査数字が違う宛名番号は拒否する"() {
        when:
        new AddresseeNumber('0000123454')

        then:
        def e = thrown(IllegalArgumentException)
        e.message == '宛名番号の検査数字が正しくありません（10桁）'
        !e.message.contains('0000123454')
    }

    def "世帯番号も同じ検査数字を持つ"() {
        expect:
        HouseholdNumber.fromSerial(12345, 9).value() == '0000123455'

        when:
        new HouseholdNumber('0000123450')

        then:
        thrown(IllegalArgumentException)
    }

    def "個人番号の検査数字（総務省令の式）"() {
        expect: 'the worked example of the handbook: sum 166, remainder 1 → 0'
        IndividualNumber.isValid('614106526000')
        !IndividualNumber.isValid('614106526001')
        IndividualNumber.fromFirstElevenDigits('12345678901').digits().length() == 12
        IndividualNumber.isValid(IndividualNumber.fromFirstElevenDigits('12345678901').digits())
    }

    // the case is named by what is wrong, not by the digits: test reports are searched for 個人番号 as well
    def "個人番号は12桁の数字でなければ拒否し、値をメッセージに含めない: #wrong"() {
        when:
        new IndividualNumber(digits)

        then:
        def e = thrown(IllegalArgumentException)
        !e.message.contains(digits)

        where:
        digits          | wrong
        '61410652600'   | '11桁'
        '6141065260000' | '13桁'
        '61410652600a'  | '数字以外'
        '614106526001'  | '検査数字の誤り'
    }
}
