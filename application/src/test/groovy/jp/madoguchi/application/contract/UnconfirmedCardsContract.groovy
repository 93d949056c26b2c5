package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.UnconfirmedCards
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate

/** What every {@link UnconfirmedCards} promises: one card face held per visit until the clerk confirms. */
abstract class UnconfirmedCardsContract extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static int serials = 200

    abstract UnconfirmedCards cards()

    abstract ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number)

    ReceptionNumber number = new ReceptionNumber(LocalDate.of(2026, 11, 22), serials++)
    CardFace face = new CardFace('見本　花子', '見本県みらい市本町一丁目1番2号', '19850401', Sex.FEMALE)

    def setup() {
        visit(CITY, number)
    }

    def "保留したカードの4情報をそのまま読み戻し、確認のあとは消える"() {
        when:
        cards().hold(CITY, number, face, Instant.parse('2026-11-22T01:00:00Z'))

        then:
        cards().find(CITY, number).get() == face
        cards().find(LocalGovernmentCode.fromFiveDigits('99998'), number).isEmpty()

        when:
        cards().discard(CITY, number)

        then:
        cards().find(CITY, number).isEmpty()
    }
}
