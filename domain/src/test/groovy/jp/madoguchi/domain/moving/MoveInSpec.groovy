package jp.madoguchi.domain.moving

import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Rejection
import spock.lang.Specification

import java.time.LocalDate

/** 転入: 一つの来庁で、同じ世帯で転入する家族の転出証明書をまとめて持つ。同じ人は二度入らない。 */
class MoveInSpec extends Specification {

    static final LocalGovernmentCode FROM = new LocalGovernmentCode('999989')

    static MoveOutCertificate certificate(String number, String name, LocalDate born) {
        new MoveOutCertificate(number, FROM, name, null, born, null, Sex.FEMALE, '子', '見本 一郎', '見本県となり市緑町5番6号',
                null, LocalDate.of(2026, 11, 20), null, null, null)
    }

    def "家族の転出証明書を加えると、最初の人を先頭に全員が並ぶ"() {
        given:
        def head = certificate('R8-1', '見本 一郎', LocalDate.of(1980, 1, 1))
        def moveIn = new MoveIn(MoveInBasis.PAPER_CERTIFICATE, head)

        when:
        def family = moveIn.with(certificate('R8-2', '見本 花子', LocalDate.of(1982, 2, 2)))
                .with(certificate('R8-3', '見本 太郎', LocalDate.of(2012, 3, 3)))

        then:
        family.movers()*.name() == ['見本 一郎', '見本 花子', '見本 太郎']
        family.companions().size() == 2
        family.basis() == MoveInBasis.PAPER_CERTIFICATE
        moveIn.movers().size() == 1
    }

    def "同じ人の証明書をもう一度読んでも加わらず、理由を示す: #why"() {
        given:
        def moveIn = new MoveIn(MoveInBasis.PAPER_CERTIFICATE, certificate('R8-1', '見本 一郎', LocalDate.of(1980, 1, 1)))
                .with(certificate('R8-2', '見本 花子', LocalDate.of(1982, 2, 2)))

        when:
        moveIn.with(again)

        then:
        def e = thrown(Rejection)
        e.message.contains('もう読み取っています')

        where:
        why                      | again
        '同じ証明書番号'            | certificate('R8-2', '別 名前', LocalDate.of(1990, 1, 1))
        '同じ氏名（空白違い）と生年月日' | certificate('R8-9', '見本　花子', LocalDate.of(1982, 2, 2))
        '最初の人'                 | certificate('R8-1', '見本 一郎', LocalDate.of(1980, 1, 1))
    }
}
