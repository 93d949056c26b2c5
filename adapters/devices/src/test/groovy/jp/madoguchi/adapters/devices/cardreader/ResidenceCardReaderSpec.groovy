package jp.madoguchi.adapters.devices.cardreader

import jp.madoguchi.application.port.out.CardReading
import spock.lang.Specification

import java.util.HexFormat

/**
 * 在留カードのICチップ: 在留カード番号から作る鍵で相互認証し（トリプルDES・リテールMAC）、セッション鍵で暗号化した番号を
 * 照合する。番号が違えば認証で止まり、何も読まない。仮想の在留カードも同じ暗号の計算で答える。
 */
class ResidenceCardReaderSpec extends Specification {

    static final String NUMBER = 'AB12345678CD'

    VirtualResidenceCard card = VirtualResidenceCard.of(NUMBER)
    TextApCardReaderSpec.Recording terminal = new TextApCardReaderSpec.Recording(new SimulatedCardTerminal(card))
    ResidenceCardReader reader = new ResidenceCardReader(terminal)

    def "カードの番号で開き、種別と番号を返す。番号は全角・小文字で入れても同じ"() {
        expect:
        reader.read(typed) == new CardReading.ResidenceCard(NUMBER, '在留カード')

        where:
        typed << [NUMBER, 'ab12345678cd', 'ＡＢ１２３４５６７８ＣＤ', ' AB12345678CD ']
    }

    def "APDU は仕様書の順: MF、カード種別（平文）、GET CHALLENGE、MUTUAL AUTHENTICATE、暗号化した番号の VERIFY"() {
        when:
        reader.read(NUMBER)

        then:
        terminal.sent[0] == '00A40000023F00'
        terminal.sent[1] == '00B08A0003'
        terminal.sent[2] == '0084000008'
        terminal.sent[3] ==~ /0082000028[0-9A-F]{80}28/
        terminal.sent[4] ==~ /0820008613861101[0-9A-F]{32}/
        terminal.sent.size() == 5

        and: 'the number never goes over the air in the clear'
        !terminal.sent.any { it.contains(HexFormat.of().formatHex(NUMBER.bytes).toUpperCase()) }
    }

    def "違う番号では相互認証で止まり、照合まで進まない"() {
        when:
        def failed = reader.read('AB12345678CE') as CardReading.Failed

        then:
        failed.reason() == CardReading.Reason.WRONG_PIN
        failed.message() == '在留カード番号がカードと一致しません。カードの右上の番号を確かめて、もう一度入力してください。'
        !terminal.sent.any { it.startsWith('0820') }
        !card.verified()
    }

    def "番号の形が違えば、カードに何も送らずに形を示す"() {
        when:
        def failed = reader.read('AB1234') as CardReading.Failed

        then:
        failed.message().startsWith('在留カード番号は、英字2文字・数字8桁・英字2文字の12文字です')
        terminal.sent.isEmpty()
    }

    def "特別永住者証明書はその種別で返り、マイナンバーカードは在留カードとして読まない"() {
        expect:
        new ResidenceCardReader(new SimulatedCardTerminal(VirtualResidenceCard.specialPermanentResident(NUMBER))).read(NUMBER) ==
                new CardReading.ResidenceCard(NUMBER, '特別永住者証明書')
        (new ResidenceCardReader(new SimulatedCardTerminal(VirtualMyNumberCard.of(TextApCardReaderSpec.FACE,
                TextApCardReaderSpec.NUMBER, '1234'))).read(NUMBER) as CardReading.Failed).reason() == CardReading.Reason.NOT_A_MY_NUMBER_CARD

        and: 'the one reader of a terminal opens it on request'
        new IcCardReader(new SimulatedCardTerminal(card)).readResidenceCard(NUMBER) instanceof CardReading.ResidenceCard
    }

    def "暗号の計算は公開された計算例と一致する（ICAO 9303 の基本アクセス制御と同じ方式: 3DES-CBC とリテールMAC）"() {
        given: 'the worked example of ICAO Doc 9303 Part 11, Appendix D'
        def hex = HexFormat.of()
        def kEnc = hex.parseHex('AB94FDECF2674FDFB9B391F85D7F76F2')
        def kMac = hex.parseHex('7962D9ECE03D1ACD4C76089DCE131543')
        def s = hex.parseHex('781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B')

        when:
        def eIfd = ResidenceCardCrypto.encrypt(kEnc, s)

        then:
        hex.formatHex(eIfd).toUpperCase() == '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2'
        hex.formatHex(ResidenceCardCrypto.retailMac(kMac, eIfd)).toUpperCase() == '5F1448EEA8AD90A7'
        ResidenceCardCrypto.decrypt(kEnc, eIfd) == s
        ResidenceCardCrypto.unpad(ResidenceCardCrypto.pad('AB'.bytes)) == 'AB'.bytes
    }
}
