package jp.madoguchi.application.service

import jp.madoguchi.application.port.in.StartReceptionUseCase.StartReceptionCommand
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.identity.IdentityDocument
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.ReceptionState
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.Rejection

/** 受付の開始: 記載台・窓口・事前入力のどこからでも、手続と（わかれば）住民を選んで受付番号をもらう。 */
class StartReceptionServiceSpec extends CounterFixture {

    def "選んだ手続で受付になり、最初の手続の担当課に並び、日ごとの連番が振られる"() {
        when:
        def first = visit(['MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT'], resident(1))
        def second = visit(['NHI_ENROLMENT'])

        then:
        first.number().serial() == 1
        second.number().serial() == 2
        with(stored(first)) {
            state() == ReceptionState.RECEIVED
            procedures()*.code() == ['MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT']
            department().name() == '市民課'
            resident().get() == resident(1).addresseeNumber()
            timeline()*.description() == ['記載台で受付（転入届・国民健康保険の加入）']
        }
        stored(second).department().name() == '保険年金課'
    }

    def "記載台で読んだカードの種類が経過に残る（運転免許証で照合済み、照合できなかった免許証は窓口で）"() {
        given:
        registry.store([resident(4)])
        def licence = new CardFace('見本　花子', '見本県となり市', '昭和60年4月1日', null, IdentityDocument.DRIVERS_LICENSE)

        when:
        def matched = start.start(new StartReceptionCommand(CITY, Channel.KIOSK, resident(4).addresseeNumber(), ['RESIDENT_CERTIFICATE'],
                KIOSK, null, IdentityDocument.DRIVERS_LICENSE))
        def unmatched = start.start(new StartReceptionCommand(CITY, Channel.KIOSK, null, ['RESIDENT_CERTIFICATE'], KIOSK, licence,
                IdentityDocument.DRIVERS_LICENSE))

        then:
        stored(matched).timeline()*.description() == ['記載台で受付（住民票の写し）', '運転免許証（ICチップ）で本人確認']
        stored(unmatched).timeline()*.description()[1] == '運転免許証（ICチップ）で本人確認（住民登録との照合は窓口で）'
        cards.find(CITY, unmatched.number()).get().document() == IdentityDocument.DRIVERS_LICENSE
    }

    def "照合できなかったカードは受付と同じ単位で保留され、職員の確認を待つ"() {
        given:
        def card = new CardFace('見本　花子', '見本県みらい市本町一丁目1番2号', '19850401', Sex.FEMALE)

        when:
        def r = start.start(new StartReceptionCommand(CITY, Channel.KIOSK, null, ['RESIDENT_CERTIFICATE'], KIOSK, card))

        then:
        cards.find(CITY, r.number()).get() == card
        transactions.units == 1
    }

    def "手続マスタにない手続は受け付けず、受付番号も使わない"() {
        when:
        visit(['NO_SUCH_PROCEDURE'])

        then:
        def e = thrown(Rejection)
        e.key() == 'reception.procedure-unknown'
        e.message.contains('NO_SUCH_PROCEDURE')
        receptions.openedOn(CITY, clockDay()).isEmpty()
    }

    def "住民記録にない宛名番号では受け付けない"() {
        when:
        start.start(new StartReceptionCommand(CITY, Channel.COUNTER, AddresseeNumber.fromSerial(77, 9),
                ['RESIDENT_CERTIFICATE'], CLERK))

        then:
        thrown(Rejection)
        receptions.openedOn(CITY, clockDay()).isEmpty()
    }

    def "手続を一つも選ばない受付はそもそも作れない"() {
        when:
        new StartReceptionCommand(CITY, Channel.KIOSK, null, [], KIOSK)

        then:
        def e = thrown(Rejection)
        e.key() == 'reception.procedures-missing'
    }

    java.time.LocalDate clockDay() {
        java.time.LocalDate.now(clock)
    }
}
