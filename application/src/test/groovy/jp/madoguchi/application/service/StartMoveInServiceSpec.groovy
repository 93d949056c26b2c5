package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryMoveIns
import jp.madoguchi.application.fakes.TextTwoDimensionalCodes
import jp.madoguchi.application.port.in.StartMoveInUseCase.CertificateCodeCommand
import jp.madoguchi.application.port.in.StartMoveInUseCase.MoveInStart
import jp.madoguchi.application.port.in.StartMoveInUseCase.SpecialCommand
import jp.madoguchi.application.port.out.MoveOutCertificateCodes
import jp.madoguchi.application.port.out.MoveOutCertificates
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.moving.MoveInBasis
import jp.madoguchi.domain.moving.MoveOutCertificate
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.IndividualNumber
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Rejection

import java.nio.charset.StandardCharsets
import java.time.LocalDate

/** 転入届の受付: 特例転入は転出証明書情報から、紙の転出証明書は二次元コードから。受付と転出証明書は一つの単位で残る。 */
class StartMoveInServiceSpec extends CounterFixture {

    static final MoveOutCertificate PAPER = new MoveOutCertificate('R8-000555', new LocalGovernmentCode('999989'),
            '見本 一郎', 'ミホン イチロウ', LocalDate.of(1979, 7, 7), null, Sex.MALE, '世帯主', '見本 一郎',
            '見本県となり市緑町5番6号', '見本県みらい市本町一丁目1番2号', LocalDate.of(2026, 11, 20), '見本県となり市緑町5番地',
            '見本 一郎', new MoveOutCertificate.BusinessStatuses('1', null, null, '1', null))
    static final IndividualNumber NUMBER = IndividualNumber.fromFirstElevenDigits('12345678901')

    def moveIns = new InMemoryMoveIns()
    List<List> askedFor = []
    static final MoveOutCertificate SPOUSE = member('R8-000556', '見本 花子', LocalDate.of(1981, 8, 8), Sex.FEMALE, '妻')
    static final MoveOutCertificate CHILD = member('R8-000557', '見本 太郎', LocalDate.of(2015, 9, 9), Sex.MALE, '子')
    List<MoveOutCertificate> family = []
    MoveOutCertificates certificates = [
            forPerson : { LocalGovernmentCode city, IndividualNumber number, String nameKey, LocalDate born ->
                askedFor << [number, nameKey, born]
                Optional.ofNullable(number == NUMBER ? PAPER : null)
            },
            movingWith: { LocalGovernmentCode city, MoveOutCertificate mover -> mover == PAPER ? family : [] }
    ] as MoveOutCertificates
    MoveOutCertificateCodes layout = new MoveOutCertificateCodes() {
        MoveOutCertificate read(String payload) {
            def known = [PAPER, SPOUSE, CHILD].find { payload == 'TENSHUTSU:' + it.certificateNumber() }
            if (known == null) {
                throw new MoveOutCertificateCodes.UnreadableCode(['識別子が違います'])
            }
            known
        }

        String write(MoveOutCertificate certificate) { 'TENSHUTSU:' + certificate.certificateNumber() }
    }
    def moveIn = new StartMoveInService(certificates, layout, new TextTwoDimensionalCodes(), moveIns, start, receptions, transactions, jp.madoguchi.domain.calendar.EraTable.shipped(), clock)
    def card = new CardFace('見本　一郎', '見本県となり市緑町5番6号', '19790707', Sex.MALE)

    def "特例転入: カードの個人番号で転出証明書情報が見つかれば、宛名番号のない転入届の受付になる"() {
        when:
        def started = moveIn.special(new SpecialCommand(CITY, Channel.KIOSK, card, NUMBER, KIOSK)) as MoveInStart.Started

        then:
        started.moveIn().basis() == MoveInBasis.SPECIAL_MOVE_IN
        stored(started.reception()).resident().isEmpty()
        stored(started.reception()).procedures()*.code() == ['MOVE_IN_NOTIFICATION']
        moveIns.find(CITY, started.reception().number()).get().certificate() == PAPER
        askedFor == [[NUMBER, '見本一郎', LocalDate.of(1979, 7, 7)]]
    }

    def "特例転入: 見つからなければ受付にせず、紙の転出証明書の道を示す"() {
        when:
        def result = moveIn.special(new SpecialCommand(CITY, Channel.KIOSK, card, IndividualNumber.fromFirstElevenDigits('98765432109'), KIOSK))

        then:
        (result as MoveInStart.NotStarted).message().contains('紙の転出証明書')
        receptions.openedOn(CITY, LocalDate.now(clock)).isEmpty()
    }

    def "紙の転出証明書: 画像のコードからも読み取り機のキー入力からも、転出証明書つきの受付を一つの単位で開く"() {
        given:
        def units = transactions.units

        when:
        def fromImage = moveIn.fromCertificateCode(new CertificateCodeCommand(CITY, Channel.COUNTER,
                new TextTwoDimensionalCodes().qrPng('TENSHUTSU:R8-000555', 300), null, CLERK)) as MoveInStart.Started
        def fromScanner = moveIn.fromCertificateCode(new CertificateCodeCommand(CITY, Channel.KIOSK, null,
                'TENSHUTSU:R8-000555\r\n', KIOSK)) as MoveInStart.Started

        then:
        fromImage.moveIn().basis() == MoveInBasis.PAPER_CERTIFICATE
        moveIns.find(CITY, fromScanner.reception().number()).get().certificate().certificateNumber() == 'R8-000555'
        transactions.units >= units + 2
    }

    def "コードのない画像・別の書類のコードは、理由を言って受付にしない。画像と入力の両方（どちらもなし）は断る"() {
        expect:
        (moveIn.fromCertificateCode(new CertificateCodeCommand(CITY, Channel.COUNTER, 'not an image'.getBytes(StandardCharsets.UTF_8), null, CLERK))
                as MoveInStart.NotStarted).message().contains('二次元コードを見つけられませんでした')
        (moveIn.fromCertificateCode(new CertificateCodeCommand(CITY, Channel.KIOSK, null, 'OTHER:123', KIOSK))
                as MoveInStart.NotStarted).message().contains('識別子が違います')
        receptions.openedOn(CITY, LocalDate.now(clock)).isEmpty()

        when:
        new CertificateCodeCommand(CITY, Channel.KIOSK, null, ' ', KIOSK)

        then:
        def refused = thrown(Rejection)
        refused.key() == 'move-in.image-or-text'
    }

    def "特例転入: 同じ日に同じ世帯から転出した家族の転出証明書情報も、同じ受付に入る"() {
        given:
        family = [SPOUSE, CHILD]

        when:
        def started = moveIn.special(new SpecialCommand(CITY, Channel.KIOSK, card, NUMBER, KIOSK)) as MoveInStart.Started

        then:
        started.moveIn().movers()*.name() == ['見本 一郎', '見本 花子', '見本 太郎']
        moveIns.find(CITY, started.reception().number()).get().companions() == [SPOUSE, CHILD]
        receptions.openedOn(CITY, LocalDate.now(clock)).size() == 1
    }

    def "紙の転出証明書: 家族の分のコードを続けて読むと同じ受付に加わり、経過に何人目かが残る"() {
        given:
        def opened = moveIn.fromCertificateCode(new CertificateCodeCommand(CITY, Channel.KIOSK, null, 'TENSHUTSU:R8-000555', KIOSK)) as MoveInStart.Started

        when:
        def second = moveIn.addFromCertificateCode(opened.reception().number(),
                new CertificateCodeCommand(CITY, Channel.KIOSK, null, 'TENSHUTSU:R8-000556\r\n', KIOSK)) as MoveInStart.Started
        def third = moveIn.addFromCertificateCode(opened.reception().number(),
                new CertificateCodeCommand(CITY, Channel.KIOSK, null, 'TENSHUTSU:R8-000557', KIOSK)) as MoveInStart.Started

        then:
        second.moveIn().movers().size() == 2
        third.moveIn().movers()*.certificateNumber() == ['R8-000555', 'R8-000556', 'R8-000557']
        moveIn.moveIn(CITY, opened.reception().number()).get().companions() == [SPOUSE, CHILD]
        stored(opened.reception()).timeline()*.description().findAll { it.contains('同じ世帯で転入') } ==
                ['同じ世帯で転入する方の転出証明書を読み取り（2人目）', '同じ世帯で転入する方の転出証明書を読み取り（3人目）']
        receptions.openedOn(CITY, LocalDate.now(clock)).size() == 1
    }

    def "同じ人のコードをもう一度・転入でない受付・読めないコードは、加えずに理由を示す"() {
        given:
        def opened = moveIn.fromCertificateCode(new CertificateCodeCommand(CITY, Channel.KIOSK, null, 'TENSHUTSU:R8-000555', KIOSK)) as MoveInStart.Started
        def certificate = visit(['RESIDENT_CERTIFICATE'], resident(7))

        expect:
        (moveIn.addFromCertificateCode(opened.reception().number(), new CertificateCodeCommand(CITY, Channel.KIOSK, null,
                'TENSHUTSU:R8-000555', KIOSK)) as MoveInStart.NotStarted).message().contains('もう読み取っています')
        (moveIn.addFromCertificateCode(certificate.number(), new CertificateCodeCommand(CITY, Channel.KIOSK, null,
                'TENSHUTSU:R8-000556', KIOSK)) as MoveInStart.NotStarted).message().contains('転入届の受付ではありません')
        (moveIn.addFromCertificateCode(opened.reception().number(), new CertificateCodeCommand(CITY, Channel.KIOSK, null,
                'OTHER:1', KIOSK)) as MoveInStart.NotStarted).message().contains('識別子が違います')
        moveIns.find(CITY, opened.reception().number()).get().companions().isEmpty()
    }

    static MoveOutCertificate member(String number, String name, LocalDate born, Sex sex, String relationship) {
        new MoveOutCertificate(number, new LocalGovernmentCode('999989'), name, null, born, null, sex, relationship,
                '見本 一郎', '見本県となり市緑町5番6号', '見本県みらい市本町一丁目1番2号', LocalDate.of(2026, 11, 20),
                '見本県となり市緑町5番地', '見本 一郎', MoveOutCertificate.BusinessStatuses.NONE)
    }
}
