package jp.madoguchi.adapters.security.crypto

import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors

import javax.crypto.Cipher
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec

import jp.madoguchi.application.port.out.SensitiveItems.Place
import spock.lang.Specification

/** 個人番号などの暗号化（AES-256-GCM）と検索用の鍵付きハッシュ. */
class AesGcmSensitiveItemsSpec extends Specification {

    static final byte[] KEY = (0..<32).collect { (byte) (it * 11 + 5) } as byte[]
    def items = new AesGcmSensitiveItems(KEY)
    static final Place HANAKO = Place.ofResident('resident', 'individual_number_sealed', '999997', '000000000019')
    static final Place TARO = Place.ofResident('resident', 'individual_number_sealed', '999997', '000000000027')

    def "暗号化した値は同じ鍵と項目でだけ元に戻る"() {
        when:
        byte[] sealed = items.seal('個人番号', HANAKO, '123456789018')

        then:
        !new String(sealed, 'ISO-8859-1').contains('123456789018')
        items.open('個人番号', HANAKO, sealed) == '123456789018'

        when: 'the same bytes offered as another item'
        items.open('住民票コード', HANAKO, sealed)

        then:
        thrown(IllegalArgumentException)

        when: 'another key'
        byte[] other = KEY.clone()
        other[0] ^= 1
        new AesGcmSensitiveItems(other).open('個人番号', HANAKO, sealed)

        then:
        thrown(IllegalArgumentException)
    }

    def "以前の形式（版1: 共通の鍵と項目名の付加データ）で保存された値も読める"() {
        given: 'a value sealed the way version 1 did'
        byte[] nonce = (1..12).collect { (byte) it } as byte[]
        def cipher = Cipher.getInstance('AES/GCM/NoPadding')
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(AesGcmSensitiveItems.derive(KEY, 'madoguchi/seal/v1'), 'AES'),
                new GCMParameterSpec(128, nonce))
        cipher.updateAAD('個人番号'.getBytes('UTF-8'))
        byte[] sealed = [1 as byte] + (nonce as List) + (cipher.doFinal('123456789018'.getBytes('UTF-8')) as List) as byte[]

        expect: 'anywhere: version 1 bound no place'
        items.open('個人番号', HANAKO, sealed) == '123456789018'
        items.open('個人番号', TARO, sealed) == '123456789018'
        items.seal('個人番号', HANAKO, '123456789018')[0] == 3 as byte

        when:
        items.open('住民票コード', HANAKO, sealed)

        then:
        thrown(IllegalArgumentException)
    }

    def "暗号化した値は、その表・列・行（宛名番号）でだけ元に戻り、別の住民の行や別の列に移すと開かない"() {
        given:
        byte[] sealed = items.seal('個人番号', HANAKO, '123456789018')

        expect:
        items.open('個人番号', HANAKO, sealed) == '123456789018'

        when:
        items.open('個人番号', elsewhere, sealed)

        then:
        thrown(IllegalArgumentException)

        where:
        elsewhere << [TARO, new Place('move_out_certificate', 'individual_number_sealed', '999997/000000000019'),
                      new Place('resident', 'resident_record_code_sealed', '999997/000000000019'),
                      Place.ofResident('resident', 'individual_number_sealed', '999998', '000000000019')]
    }

    def "版2（項目ごとの鍵、置き場所なし）で保存された値も、どこで読んでも開く"() {
        given: 'a value sealed the way version 2 did: the item key, no associated data'
        byte[] nonce = (1..12).collect { (byte) it } as byte[]
        def cipher = Cipher.getInstance('AES/GCM/NoPadding')
        def itemKey = AesGcmSensitiveItems.derive(AesGcmSensitiveItems.derive(KEY, 'madoguchi/seal/v2'), '個人番号')
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(itemKey, 'AES'), new GCMParameterSpec(128, nonce))
        byte[] sealed = [2 as byte] + (nonce as List) + (cipher.doFinal('123456789018'.getBytes('UTF-8')) as List) as byte[]

        expect:
        items.open('個人番号', HANAKO, sealed) == '123456789018'
        items.open('個人番号', TARO, sealed) == '123456789018'
    }

    def "1バイトでも書き換えられた値は復号しない"() {
        given:
        byte[] sealed = items.seal('個人番号', HANAKO, '123456789018')
        sealed[position] ^= 0x01

        when:
        items.open('個人番号', HANAKO, sealed)

        then:
        thrown(IllegalArgumentException)

        where:
        position << [1, 12, 14, 30]
    }

    def "同じ値でも暗号文は毎回違い、ナンスはスレッドをまたいでも重ならない"() {
        given:
        Set<String> nonces = ConcurrentHashMap.newKeySet()
        def pool = Executors.newFixedThreadPool(4)

        when:
        def done = (1..4).collect {
            pool.submit {
                20_000.times {
                    byte[] sealed = items.seal('個人番号', HANAKO, '123456789018')
                    nonces.add(Arrays.copyOfRange(sealed, 1, 13).encodeHex().toString())
                }
            }
        }
        done*.get()
        pool.shutdown()

        then:
        nonces.size() == 80_000
    }

    def "ナンスの連番が尽きると固定部を取り直す"() {
        given:
        def sequence = new AesGcmSensitiveItems.Nonces((1L << 32) - 2)

        when:
        byte[] first = sequence.next()
        byte[] last = sequence.next()
        byte[] renewed = sequence.next()

        then:
        first[0..7] == last[0..7]
        first[8..11] == [(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE]
        last[8..11] == [(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF]
        renewed[0..7] != last[0..7]
        renewed[8..11] == [0, 0, 0, 0] as byte[]
    }

    def "検索用の鍵付きハッシュは値と項目で決まり、鍵がなければ作れない"() {
        expect:
        items.lookupKey('個人番号', '123456789018') == items.lookupKey('個人番号', '123456789018')
        items.lookupKey('個人番号', '123456789018') != items.lookupKey('住民票コード', '123456789018')
        items.lookupKey('個人番号', '123456789018') != new AesGcmSensitiveItems(new byte[32]).lookupKey('個人番号', '123456789018')
    }
}
