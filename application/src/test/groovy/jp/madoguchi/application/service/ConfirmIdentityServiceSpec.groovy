package jp.madoguchi.application.service

import jp.madoguchi.application.port.in.StartReceptionUseCase.StartReceptionCommand
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.Rejection

/** 本人確認（職員の照合）: カードが住民記録と一部しか合わなかった受付を、職員が候補から確かめる。 */
class ConfirmIdentityServiceSpec extends CounterFixture {

    def confirm = new ConfirmIdentityService(receptions, registry, cards, transactions, clock)
    def card = new CardFace('見本　花子', '見本県みらい市本町一丁目1番2号', '19850401', Sex.FEMALE)

    def "職員が住民を選ぶと受付の住民になり、保留のカードは消える"() {
        given:
        registry.store([resident(5)])
        def r = start.start(new StartReceptionCommand(CITY, Channel.KIOSK, null, ['RESIDENT_CERTIFICATE'], KIOSK, card))

        when:
        confirm.confirm(step(r), resident(5).addresseeNumber())

        then:
        stored(r).resident().get() == resident(5).addresseeNumber()
        stored(r).timeline().last().description().contains('カードと住民登録を職員が照合')
        cards.find(CITY, r.number()).isEmpty()
    }

    def "住民記録にない宛名番号では確認にならず、カードも残る"() {
        given:
        def r = start.start(new StartReceptionCommand(CITY, Channel.KIOSK, null, ['RESIDENT_CERTIFICATE'], KIOSK, card))

        when:
        confirm.confirm(step(r), AddresseeNumber.fromSerial(404, 9))

        then:
        def e = thrown(Rejection)
        e.key() == 'identity.resident-not-found'
        stored(r).resident().isEmpty()
        cards.find(CITY, r.number()).isPresent()
    }
}
