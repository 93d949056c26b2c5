package jp.madoguchi.adapters.devices.cardreader

import jp.madoguchi.application.port.out.CardReading
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.identity.CardPin
import jp.madoguchi.domain.resident.IndividualNumber
import jp.madoguchi.domain.resident.Sex
import spock.lang.Specification

import java.util.HexFormat

/** 券面事項入力補助AP の読み取りを、APDU を話す仮想カードに対して本物の読取コードで確かめる。 */
class TextApCardReaderSpec extends Specification {

    static final CardFace FACE = new CardFace('窓口 花子', '見本県みらい市本町一丁目1番2号　みらいハイツ１０１号室', '19850401', Sex.FEMALE)
    static final IndividualNumber NUMBER = IndividualNumber.fromFirstElevenDigits('61410652600')

    VirtualMyNumberCard card = VirtualMyNumberCard.of(FACE, NUMBER, '1234')
    Recording terminal = new Recording(new SimulatedCardTerminal(card))
    TextApCardReader reader = new TextApCardReader(terminal)

    def "正しい暗証番号で基本4情報を読み、個人番号は求めたときだけ読む"() {
        when:
        def faceOnly = reader.read(new CardPin('1234'), false) as CardReading.Read

        then:
        faceOnly.face() == FACE
        faceOnly.individualNumber() == null
        !terminal.sent.any { it.startsWith('00A4020C020001') }

        when:
        def withNumber = reader.read(new CardPin('1234'), true) as CardReading.Read

        then:
        withNumber.individualNumber() == NUMBER
    }

    def "照合の前に残り回数を読み、APDU は docs/architecture.md, domain facts の並びで送る"() {
        when:
        reader.read(new CardPin('1234'), false)

        then:
        terminal.sent.take(4) == ['00A4040C0AD3921000310001010408', '00A4020C020011', '00200080', '0020008004' + HexFormat.of().formatHex('1234'.bytes).toUpperCase()]
        terminal.sent[4] == '00A4020C020002'
        terminal.sent[5] == '00B0000007'
    }

    def "暗証番号を3回間違えるとロックされ、ロック後は暗証番号を照合しない"() {
        expect:
        (reader.read(new CardPin('0000'), false) as CardReading.Failed).with { [reason(), triesLeft(), message()] } ==
                [CardReading.Reason.WRONG_PIN, 2, '暗証番号が違います。あと2回間違えるとカードがロックされます。']
        (reader.read(new CardPin('0000'), false) as CardReading.Failed).triesLeft() == 1
        (reader.read(new CardPin('0000'), false) as CardReading.Failed).reason() == CardReading.Reason.PIN_BLOCKED
        card.triesLeft() == 0

        when: 'the right PIN on a blocked card'
        terminal.sent.clear()
        def blocked = reader.read(new CardPin('1234'), false) as CardReading.Failed

        then: 'refused from the remaining count alone: no VERIFY with a PIN was sent'
        blocked.reason() == CardReading.Reason.PIN_BLOCKED
        blocked.message().contains('窓口')
        !terminal.sent.any { it.startsWith('0020008004') }
        card.triesLeft() == 0
    }

    def "正しく入力すれば残り回数は3に戻り、状態確認は回数を減らさない"() {
        when:
        reader.read(new CardPin('0000'), false)
        def before = reader.status() as CardReading.Ready
        reader.read(new CardPin('1234'), false)

        then:
        before.triesLeft() == 2
        (reader.status() as CardReading.Ready).triesLeft() == 3
        card.triesLeft() == 3
    }

    def "ファイルがない・データが途中で切れている・マイナンバーカードでない・カードがない"() {
        when:
        def failed = new TextApCardReader(new SimulatedCardTerminal(damage(VirtualMyNumberCard.of(FACE, NUMBER, '1234'))))
                .read(new CardPin('1234'), number) as CardReading.Failed

        then:
        failed.reason() == reason
        failed.message().contains(words)

        where:
        damage << [{ VirtualMyNumberCard c -> c.withoutFile(0x0002) }, { VirtualMyNumberCard c -> c.truncated(0x0002, 40) },
                   { VirtualMyNumberCard c -> c.truncated(0x0001, 9) }, { VirtualMyNumberCard c -> VirtualMyNumberCard.foreignCard() },
                   { VirtualMyNumberCard c -> c.blocked() }]
        number << [false, false, true, false, false]
        reason << [CardReading.Reason.UNREADABLE, CardReading.Reason.UNREADABLE, CardReading.Reason.UNREADABLE,
                   CardReading.Reason.NOT_A_MY_NUMBER_CARD, CardReading.Reason.PIN_BLOCKED]
        words << ['ファイル 0002', '途中で切れています', '途中で切れています', 'マイナンバーカード', '窓口']
    }

    def "カードが置かれていなければそう伝える"() {
        given:
        def empty = new SimulatedCardTerminal(null)

        expect:
        (new TextApCardReader(empty).read(new CardPin('1234'), false) as CardReading.Failed).with { [reason(), message()] } ==
                [CardReading.Reason.NO_CARD, 'カードをカードリーダーに置いてください。']
    }

    def "想定外のステータスワードは SW を添えて伝える"() {
        given:
        def odd = new TextApCardReader({ ->
            new ApduChannel() {
                byte[] transmit(byte[] command) { [0x6F, 0x00] as byte[] }
                void close() {}
            }
        } as CardTerminal)

        expect:
        (odd.read(new CardPin('1234'), false) as CardReading.Failed).with { [reason(), message().contains('SW=6F00')] } ==
                [CardReading.Reason.UNEXPECTED_STATUS, true]
    }

    def "長い住所でも 255 バイトずつ読み続けて全体を読む"() {
        given:
        def longAddress = '見本県みらい市本町一丁目1番2号' + '　みらいハイツ' * 30
        def longCard = VirtualMyNumberCard.of(new CardFace('窓口 花子', longAddress, '19850401', Sex.FEMALE), NUMBER, '1234')

        expect:
        longAddress.getBytes('UTF-8').length > 600
        (new TextApCardReader(new SimulatedCardTerminal(longCard)).read(new CardPin('1234'), false) as CardReading.Read).face().address() == longAddress
    }

    def "PC/SC のサービスがない端末では、空の一覧ではなく理由を伝える"() {
        when: 'this machine runs no pcscd'
        def reading = new TextApCardReader(new PcscCardTerminal('')).status() as CardReading.Failed

        then:
        reading.reason() in [CardReading.Reason.READER_SERVICE_DOWN, CardReading.Reason.NO_READER]
        reading.message() =~ /サービス|PC\/SC|カードリーダー/
    }

    def "PC/SC のエラーコードを、画面の人が動ける理由に読み替える"() {
        expect:
        PcscCardTerminal.classify(new javax.smartcardio.CardException('list() failed', new RuntimeException(code))).reason() == reason

        where:
        code                           | reason
        'SCARD_E_NO_SERVICE'           | CardReading.Reason.READER_SERVICE_DOWN
        'SCARD_E_NO_READERS_AVAILABLE' | CardReading.Reason.NO_READER
        'SCARD_W_REMOVED_CARD'         | CardReading.Reason.NO_CARD
        'SCARD_F_INTERNAL_ERROR'       | CardReading.Reason.UNREADABLE
    }

    /** Writes down every command APDU in hex, to show what was (and was not) sent to the card. */
    static class Recording implements CardTerminal {
        final CardTerminal inner
        final List<String> sent = []

        Recording(CardTerminal inner) { this.inner = inner }

        ApduChannel connect() throws CardAccessException {
            def channel = inner.connect()
            new ApduChannel() {
                byte[] transmit(byte[] command) throws CardAccessException {
                    sent << HexFormat.of().formatHex(command).toUpperCase()
                    channel.transmit(command)
                }

                void close() { channel.close() }
            }
        }
    }
}
