package jp.madoguchi.adapters.security.crypto

import spock.lang.Specification

/** 連携の封緘: 同じ鍵と同じ記録でだけ開き、同じ値でも毎回違う形になる。 */
class AesGcmHandoffSealingSpec extends Specification {

    def key = (1..32).collect { it as byte } as byte[]
    def sealing = new AesGcmHandoffSealing(key)

    def "封緘した個人番号は、同じ鍵と同じ記録でだけ開く"() {
        when:
        def sealed = sealing.seal('123456789018', '999997-20261122-0001-CARD_FACE_CHANGE')

        then:
        sealed.startsWith('v1:')
        !sealed.contains('123456789018')
        sealing.open(sealed, '999997-20261122-0001-CARD_FACE_CHANGE') == '123456789018'
        sealing.seal('123456789018', 'k') != sealing.seal('123456789018', 'k')

        when: 'moved into another record'
        sealing.open(sealed, '999997-20261122-0002-CARD_FACE_CHANGE')

        then:
        thrown(IllegalArgumentException)

        when: "another city's key"
        new AesGcmHandoffSealing((33..64).collect { it as byte } as byte[]).open(sealed, '999997-20261122-0001-CARD_FACE_CHANGE')

        then:
        thrown(IllegalArgumentException)
    }

    def "鍵は 32 バイト"() {
        when:
        new AesGcmHandoffSealing(new byte[16])

        then:
        thrown(IllegalArgumentException)
    }
}
