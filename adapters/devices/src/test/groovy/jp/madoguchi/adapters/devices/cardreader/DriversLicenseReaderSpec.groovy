package jp.madoguchi.adapters.devices.cardreader

import jp.madoguchi.application.port.out.CardReading
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.identity.CardPin
import jp.madoguchi.domain.identity.IdentityDocument
import jp.madoguchi.domain.resident.IndividualNumber
import jp.madoguchi.domain.resident.Sex
import spock.lang.Specification

/**
 * 運転免許証のICチップ: 警察庁の仕様書の並び（MF の暗証番号1、DF1 の記載事項、JIS X 0208 の文字、元号つきの日付）で、
 * APDU を話す仮想の免許証に対して本物の読取コードを走らせる。マイナンバーカードと同じ読取機・同じ暗証番号の画面で読む。
 */
class DriversLicenseReaderSpec extends Specification {

    static final String ADDRESS = '見本県みらい市本町一丁目１番２号　みらいハイツ１０１号室'

    VirtualDriversLicense licence = VirtualDriversLicense.of('窓口　花子', ADDRESS, 3, 60, 4, 1, '123456789012', '5678', '9999')
    TextApCardReaderSpec.Recording terminal = new TextApCardReaderSpec.Recording(new SimulatedCardTerminal(licence))
    DriversLicenseReader reader = new DriversLicenseReader(terminal)

    def "暗証番号1で記載事項を読み、氏名・住所・生年月日（和暦）だけを返す。性別・個人番号はない"() {
        when:
        def read = reader.read(new CardPin('5678')) as CardReading.Read

        then:
        read.face() == new CardFace('窓口　花子', ADDRESS, '昭和60年4月1日', null, IdentityDocument.DRIVERS_LICENSE)
        read.individualNumber() == null
    }

    def "APDU は仕様書の順: DF1 で免許証と確かめ、MF で残り回数を読んでから暗証番号1を一度だけ照合し、DF1/EF01 を読む"() {
        when:
        reader.read(new CardPin('5678'))

        then:
        terminal.sent.take(6) == ['00A4040C10A0000002310100000000000000000000', '00A40000', '00200081',
                                  '002000810435363738', '00A4040C10A0000002310100000000000000000000', '00A4020C020001']
        terminal.sent.drop(6).every { it.startsWith('00B0') }
        !terminal.sent.any { it.startsWith('00200082') }
    }

    def "暗証番号1を3回間違えるとロックされ、ロック後は照合を送らない"() {
        expect:
        (reader.read(new CardPin('0000')) as CardReading.Failed).with { [reason(), triesLeft()] } == [CardReading.Reason.WRONG_PIN, 2]
        (reader.read(new CardPin('0000')) as CardReading.Failed).message().startsWith('運転免許証の暗証番号1が違います。あと1回')
        (reader.read(new CardPin('0000')) as CardReading.Failed).reason() == CardReading.Reason.PIN_BLOCKED
        licence.pin1TriesLeft() == 0

        when:
        terminal.sent.clear()
        def blocked = reader.read(new CardPin('5678')) as CardReading.Failed

        then:
        blocked.reason() == CardReading.Reason.PIN_BLOCKED
        !terminal.sent.any { it.startsWith('0020008104') }
        (reader.status() as CardReading.Ready).triesLeft() == 0
    }

    def "正しい暗証番号で残り回数は3に戻る。状態の確認は暗証番号を使わない"() {
        given:
        reader.read(new CardPin('0000'))

        expect:
        (reader.status() as CardReading.Ready).triesLeft() == 2
        reader.read(new CardPin('5678')) instanceof CardReading.Read
        licence.pin1TriesLeft() == 3
    }

    def "途中で切れた記載事項は、データを言わずに読めない理由を示す"() {
        given:
        def damaged = new DriversLicenseReader(new SimulatedCardTerminal(licence.truncated(20)))

        when:
        def failed = damaged.read(new CardPin('5678')) as CardReading.Failed

        then:
        failed.reason() == CardReading.Reason.UNREADABLE
        failed.message().startsWith('運転免許証の情報を読み取れませんでした（')
        !failed.message().contains('見本県')
    }

    def "マイナンバーカードは免許証として読まない。読取機は置かれたカードに合わせてどちらも読む"() {
        given:
        def myNumberCard = VirtualMyNumberCard.of(TextApCardReaderSpec.FACE, TextApCardReaderSpec.NUMBER, '1234')
        def onReader = new SimulatedCardTerminal(myNumberCard)

        expect: 'the licence reader refuses a My Number Card, and the My Number Card reader a licence'
        (new DriversLicenseReader(onReader).read(new CardPin('1234')) as CardReading.Failed).reason() == CardReading.Reason.NOT_A_MY_NUMBER_CARD
        (new TextApCardReader(new SimulatedCardTerminal(licence)).read(new CardPin('5678'), false) as CardReading.Failed).reason() ==
                CardReading.Reason.NOT_A_MY_NUMBER_CARD

        and: 'one reader for both'
        def reader = new IcCardReader(onReader)
        (reader.read(new CardPin('1234'), true) as CardReading.Read).with { [face().document(), individualNumber()] } ==
                [IdentityDocument.MY_NUMBER_CARD, TextApCardReaderSpec.NUMBER]
        onReader.place(licence)
        (reader.read(new CardPin('5678'), true) as CardReading.Read).with { [face().document(), face().sex(), individualNumber()] } ==
                [IdentityDocument.DRIVERS_LICENSE, null, null]
        (reader.status() as CardReading.Ready).triesLeft() == 3
    }

    def "どちらでもないカード（交通系ICカードなど）は、在留カードの読み方も添えて断る"() {
        when:
        def refused = new IcCardReader(new SimulatedCardTerminal(VirtualMyNumberCard.foreignCard())).read(new CardPin('1234'), false) as CardReading.Failed

        then:
        refused.reason() == CardReading.Reason.NOT_A_MY_NUMBER_CARD
        refused.message() == 'マイナンバーカードか運転免許証として読み取れませんでした。置かれているカードをご確認ください。' +
                '在留カードは、画面の下の欄にカードの番号を入れて読み取ります。'
    }

    def "JIS X 0208 にない文字（外字）は免許証の文字にできない"() {
        when:
        JisX0208Text.encode('髙橋')

        then:
        thrown(IllegalArgumentException)

        expect:
        JisX0208Text.decode(JisX0208Text.encode('窓口　花子')) == '窓口　花子'
    }
}
