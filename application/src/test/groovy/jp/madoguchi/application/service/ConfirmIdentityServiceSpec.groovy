package jp.madoguchi.application.service

import jp.madoguchi.application.port.in.StartReceptionUseCase.StartReceptionCommand
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.Rejection

/** 本人確認（職員の照合）: カードが住民記録と一部しか合わなかった受付を、職員が候補から確かめる。 */
class ConfirmIdentityServiceSpec extends CounterFixture {

    def confirm = new ConfirmIdentityService(receptions, registry, cards, transactions, clock, jp.madoguchi.domain.calendar.EraTable.shipped())
    def card = new CardFace('見本　花子', '見本県みらい市本町一丁目1番2号', '19850401', Sex.FEMALE)

    def "職員が住民を選ぶと受付の住民になり、保留のカードは消える"() {
        given:
        registry.store([resident(5)])
        def r = start.start(new StartReceptionCommand(CITY, Channel.KIOSK, null, ['RESIDENT_CERTIFICATE'], KIOSK, card))

        when: 'a member without 住民検索 names one of the candidates for the card'
        confirm.confirm(step(r), resident(5).addresseeNumber(), false)

        then:
        stored(r).resident().get() == resident(5).addresseeNumber()
        stored(r).timeline().last().description().contains('カードと住民登録を職員が照合')
        cards.find(CITY, r.number()).isEmpty()
    }

    def "住民記録にない宛名番号では確認にならず、カードも残る"() {
        given:
        def r = start.start(new StartReceptionCommand(CITY, Channel.KIOSK, null, ['RESIDENT_CERTIFICATE'], KIOSK, card))

        when:
        confirm.confirm(step(r), AddresseeNumber.fromSerial(404, 9), true)

        then:
        def e = thrown(Rejection)
        e.key() == 'identity.resident-not-found'
        stored(r).resident().isEmpty()
        cards.find(CITY, r.number()).isPresent()
    }

    def "住民検索の権限がなければ、候補にない住民・ない番号は同じ言葉で断られ、権限があれば候補外でも確認できる"() {
        given: 'a resident the card does not resemble at all'
        def stranger = resident(6, '別人　太郎', 'ベツジン　タロウ', java.time.LocalDate.of(1950, 1, 2))
        registry.store([resident(5), stranger])
        def r = start.start(new StartReceptionCommand(CITY, Channel.KIOSK, null, ['RESIDENT_CERTIFICATE'], KIOSK, card))

        when:
        confirm.confirm(step(r), stranger.addresseeNumber(), false)

        then:
        def outsider = thrown(Rejection)
        outsider.key() == 'identity.not-a-candidate'
        stored(r).resident().isEmpty()

        when:
        confirm.confirm(step(r), AddresseeNumber.fromSerial(404, 9), false)

        then: 'a number nobody has: the same refusal, so the form is no way to probe the registry'
        def missing = thrown(Rejection)
        missing.key() == outsider.key()
        missing.message == outsider.message

        when: 'a member with 住民検索, who looked the person up, names them'
        confirm.confirm(step(r), stranger.addresseeNumber(), true)

        then:
        stored(r).resident().get() == stranger.addresseeNumber()
    }

    def "カードのない受付は、住民検索の権限のある職員だけが宛名番号で本人確認できる"() {
        given:
        def r = visit()
        registry.store([resident(7)])

        when:
        confirm.confirm(step(r), resident(7).addresseeNumber(), false)

        then:
        thrown(Rejection)
        stored(r).resident().isEmpty()

        when:
        confirm.confirm(step(r), resident(7).addresseeNumber(), true)

        then:
        stored(r).resident().get() == resident(7).addresseeNumber()
        stored(r).timeline().last().description().contains('職員が確認')
    }
}
