package jp.madoguchi.adapters.security.crypto

import jp.madoguchi.domain.reception.PreEntryCode
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

/** 事前入力の回答の封: only the code that sealed the answers opens them; nothing of them is readable in the bytes. */
class AesGcmPreEntryAnswerSealsSpec extends Specification {

    def seals = new AesGcmPreEntryAnswerSeals()
    def city = new LocalGovernmentCode('999997')
    def code = new PreEntryCode(city, 'AAAAAAAAAAAAAAAAAAAAAA')
    def answers = ['請求の範囲': '世帯全員', '通数': '2', '記載事項': '本籍と筆頭者']

    def "封じた回答は同じコードで元どおりに開き、バイト列に回答は読めない"() {
        when:
        byte[] sealed = seals.seal(code, answers)
        def raw = new String(sealed, 'ISO-8859-1')

        then:
        seals.open(code, sealed) == answers
        !raw.contains(URLEncoder.encode('世帯全員', 'UTF-8'))
        !raw.contains(new String('世帯全員'.getBytes('UTF-8'), 'ISO-8859-1'))

        and: 'sealed twice, the bytes differ (a fresh nonce each time)'
        seals.seal(code, answers) != sealed
    }

    def "別のコード・別の市・改ざんされたバイト列では開かない"() {
        given:
        byte[] sealed = seals.seal(code, answers)
        byte[] altered = sealed.clone()
        altered[altered.length - 1] ^= 1

        when:
        seals.open(other, bytes == 'altered' ? altered : sealed)

        then:
        thrown(IllegalArgumentException)

        where:
        other                                                                       | bytes
        new PreEntryCode(new LocalGovernmentCode('999997'), 'BBBBBBBBBBBBBBBBBBBBBB') | 'sealed'
        new PreEntryCode(LocalGovernmentCode.fromFiveDigits('99998'), 'AAAAAAAAAAAAAAAAAAAAAA') | 'sealed'
        new PreEntryCode(new LocalGovernmentCode('999997'), 'AAAAAAAAAAAAAAAAAAAAAA') | 'altered'
    }

    def "空の回答も封じられる"() {
        expect:
        seals.open(code, seals.seal(code, [:])) == [:]
    }
}
