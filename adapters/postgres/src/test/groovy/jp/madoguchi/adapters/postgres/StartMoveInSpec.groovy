package jp.madoguchi.adapters.postgres

import com.lowagie.text.pdf.PdfReader
import com.lowagie.text.pdf.parser.PdfTextExtractor
import jp.madoguchi.adapters.catalogue.ClasspathProcedureCatalogue
import jp.madoguchi.adapters.documents.code2d.LayoutMoveOutCertificateCodes
import jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes
import jp.madoguchi.adapters.catalogue.forms.ClasspathFormCatalogue
import jp.madoguchi.adapters.documents.pdf.OpenPdfFilledFormRenderer
import jp.madoguchi.adapters.documents.printing.JavaxPrintDocumentPrinter
import jp.madoguchi.adapters.documents.pdf.PdfFonts
import jp.madoguchi.adapters.documents.testing.DamagedCodeImages
import jp.madoguchi.adapters.postgres.testing.Fixtures
import jp.madoguchi.application.port.in.StartMoveInUseCase
import jp.madoguchi.application.port.in.StartMoveInUseCase.MoveInStart
import jp.madoguchi.application.service.DesignFormsService
import jp.madoguchi.application.service.FormsAtCounterService
import jp.madoguchi.application.service.StartMoveInService
import jp.madoguchi.application.service.StartReceptionService
import jp.madoguchi.domain.calendar.EraTable
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.moving.MoveInBasis
import jp.madoguchi.domain.moving.MoveOutCertificate
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.IndividualNumber
import jp.madoguchi.domain.resident.MatchKey
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator

import javax.imageio.ImageIO
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

/**
 * 転入届の受付: 紙の転出証明書の二次元コード（カメラ画像・ハンディスキャナ）から、または特例転入ではカードの持ち主の
 * 転出証明書情報から、記入済みの転入届の受付を始める。
 */
class StartMoveInSpec extends DatabaseSpecification {

    static final LocalGovernmentCode CITY = LocalGovernmentCode.fromFiveDigits('99998')
    static final IndividualNumber NUMBER = IndividualNumber.fromFirstElevenDigits('12345678901')
    static final CardFace CARD = new CardFace('葛西　花子', '見本県となり市旭町二丁目3番4号', '19850401', Sex.FEMALE)
    static final MoveOutCertificate PAPER = new MoveOutCertificate('R8-000555', new LocalGovernmentCode('999989'),
            '見本 一郎', 'ミホン イチロウ', LocalDate.of(1979, 7, 7), null, Sex.MALE, '世帯主', '見本 一郎',
            '見本県となり市緑町5番6号', '見本県みらい市本町一丁目1番2号', LocalDate.of(2026, 11, 20), '見本県となり市緑町5番地',
            '見本 一郎', new MoveOutCertificate.BusinessStatuses('1', null, null, '1', null))

    def codes = new LayoutMoveOutCertificateCodes(null, EraTable.shipped())
    def zxing = new ZxingTwoDimensionalCodes()
    def clock = Clock.fixed(Instant.parse('2026-11-22T01:00:00Z'), ZoneId.of('Asia/Tokyo'))
    StartMoveInUseCase moveIn
    FormsAtCounterService forms

    def setup() {
        def sensitive = Fixtures.sensitiveItems()
        jdbi.useHandle { h ->
            h.execute("SELECT ensure_city_partition(CAST('move_out_certificate' AS regclass), ?)", CITY.value())
            h.execute("DELETE FROM move_out_certificate WHERE city_code = ?", CITY.value())
            h.createUpdate("""INSERT INTO move_out_certificate (city_code, certificate_number, from_city_code, name, name_kana,
                    name_key, birth_date, sex, relationship, head_of_household_name, previous_address, destination_address,
                    move_out_planned_on, individual_number_sealed, individual_number_key, national_health_insurance)
                    VALUES (:city, 'R8-000123', '999989', '葛西 花子', 'カサイ ハナコ', :key, DATE '1985-04-01', '2', '妻', '葛西 太郎',
                    '見本県となり市旭町二丁目3番4号', '見本県みらい市本町一丁目1番2号', DATE '2026-11-30', :sealed, :lookup, '1')""")
                    .bind('city', CITY.value())
                    .bind('key', MatchKey.name('葛西 花子'))
                    .bind('sealed', sensitive.seal('個人番号', new jp.madoguchi.application.port.out.SensitiveItems.Place(
                            'move_out_certificate', 'individual_number_sealed', CITY.value() + '/R8-000123'), NUMBER.reveal()))
                    .bind('lookup', sensitive.lookupKey('個人番号', NUMBER.reveal()))
                    .execute()
        }
        def receptions = new JdbiReceptions(jdbi)
        def registry = new JdbiResidentRegistry(jdbi, sensitive, jp.madoguchi.domain.calendar.EraTable.shipped())
        def moveIns = new JdbiMoveIns(jdbi)
        moveIn = new StartMoveInService(new JdbiMoveOutCertificates(jdbi, sensitive), codes, zxing, moveIns,
                new StartReceptionService(receptions, new ClasspathProcedureCatalogue(), registry, new JdbiUnconfirmedCards(jdbi), new JdbiTransactions(jdbi), clock), receptions, new JdbiTransactions(jdbi), jp.madoguchi.domain.calendar.EraTable.shipped(), clock)
        def catalogue = new ClasspathFormCatalogue()
        def definitions = new JdbiFormDefinitions(jdbi)
        def trail = jp.madoguchi.adapters.postgres.testing.Fixtures.auditTrail(jdbi)
        def renderer = new OpenPdfFilledFormRenderer(new PdfFonts(
                Path.of('/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'),
                Path.of('/usr/share/fonts/truetype/ipamj/ipamjm.ttf')), zxing, catalogue)
        new DesignFormsService(catalogue, definitions, renderer, trail, new JdbiTransactions(jdbi), clock).ensureShippedForms(CITY)
        forms = new FormsAtCounterService(receptions, registry, moveIns, catalogue, definitions, new JdbiReceptionPaperwork(jdbi), new JdbiContentConfirmations(jdbi),
                renderer, new JavaxPrintDocumentPrinter(), { CITY.value() == it.value() ? 'みらい市' : null }, trail,
                new JdbiTransactions(jdbi), jp.madoguchi.domain.calendar.EraTable.shipped(), clock)
    }

    def "特例転入: カードの個人番号で転出証明書情報を見つけ、転入届の受付を宛名番号なしで始める"() {
        when:
        def started = moveIn.special(new StartMoveInUseCase.SpecialCommand(CITY, Channel.KIOSK, CARD, NUMBER, Operator.kiosk('KIOSK-01'))) as MoveInStart.Started

        then:
        started.moveIn().basis() == MoveInBasis.SPECIAL_MOVE_IN
        started.moveIn().certificate().certificateNumber() == 'R8-000123'
        started.moveIn().certificate().previousAddress() == '見本県となり市旭町二丁目3番4号'
        started.moveIn().certificate().statuses().nationalHealthInsurance() == '1'
        started.reception().procedures()*.code() == ['MOVE_IN_NOTIFICATION']
        started.reception().resident().isEmpty()

        and: 'the reception keeps what its 転入届 is filled from'
        new JdbiMoveIns(jdbi).find(CITY, started.reception().number()).get() == started.moveIn()
    }

    def "特例転入: 同じ日に同じ住所の同じ世帯から転出した家族が、年長の順に同じ受付へ入り、届出書の世帯員一覧に並ぶ"() {
        given: 'the husband and son left with her; a neighbour with the same head name left another day'
        jdbi.useHandle { h ->
            [['R8-000124', '葛西 太郎', '1983-02-03', '1', '世帯主', '2026-11-30'],
             ['R8-000125', '葛西 一郎', '2016-05-06', '1', '子', '2026-11-30'],
             ['R8-000126', '葛西 次郎', '1990-01-01', '1', '子', '2026-10-01']].each { row ->
                h.createUpdate("""INSERT INTO move_out_certificate (city_code, certificate_number, from_city_code, name,
                        name_key, birth_date, sex, relationship, head_of_household_name, previous_address, move_out_planned_on)
                        VALUES (:city, :number, '999989', :name, :key, CAST(:born AS date), :sex, :relationship, '葛西 太郎',
                        '見本県となり市旭町二丁目3番4号', CAST(:planned AS date))""")
                        .bind('city', CITY.value()).bind('number', row[0]).bind('name', row[1]).bind('key', MatchKey.name(row[1]))
                        .bind('born', row[2]).bind('sex', row[3]).bind('relationship', row[4]).bind('planned', row[5])
                        .execute()
            }
        }

        when:
        def started = moveIn.special(new StartMoveInUseCase.SpecialCommand(CITY, Channel.KIOSK, CARD, NUMBER, Operator.kiosk('KIOSK-01'))) as MoveInStart.Started
        def kept = new JdbiMoveIns(jdbi).find(CITY, started.reception().number()).get()
        def pdf = forms.preview(CITY, started.reception().number(), Operator.staff('clerk', '窓口 職員'))
        def text = new PdfTextExtractor(new PdfReader(pdf.content())).getTextFromPage(1).replaceAll(/[\s\u00a0]+/, ' ')

        then: 'the card holder first, then the family oldest first; not the neighbour who left another day'
        kept.movers()*.certificateNumber() == ['R8-000123', 'R8-000124', 'R8-000125']
        kept.movers()*.name() == ['葛西 花子', '葛西 太郎', '葛西 一郎']
        ['葛西 花子', '葛西 太郎', '葛西 一郎'].every { text.contains(it) }
        !text.contains('葛西 次郎')
        text.contains('平成28年5月6日')
    }

    def "特例転入: 個人番号を読まなかったときは氏名（空白の違いは問わない）と生年月日で見つける"() {
        expect:
        moveIn.special(new StartMoveInUseCase.SpecialCommand(CITY, Channel.COUNTER, CARD, null, Operator.kiosk('KIOSK-01'))) instanceof MoveInStart.Started
    }

    def "特例転入: 見つからなければそう伝え、紙の転出証明書の道を示す"() {
        given:
        def stranger = new CardFace('窓口 太郎', '見本県となり市旭町1番', '19700101', Sex.MALE)

        when:
        def result = moveIn.special(new StartMoveInUseCase.SpecialCommand(CITY, Channel.KIOSK, stranger,
                IndividualNumber.fromFirstElevenDigits('99999999999'), Operator.kiosk('KIOSK-01')))

        then:
        result instanceof MoveInStart.NotStarted
        (result as MoveInStart.NotStarted).message().contains('紙の転出証明書')
    }

    def "紙の転出証明書: 傾いて写ったカメラ画像の二次元コードから、記入済みの転入届の受付になる"() {
        given: 'a generated certificate code in a tilted, low-contrast camera frame'
        def damaged = DamagedCodeImages.set(codes.write(PAPER), 3, 11L)[2]
        def jpeg = new ByteArrayOutputStream()
        ImageIO.write(damaged.image(), 'jpg', jpeg)

        when:
        def started = moveIn.fromCertificateCode(new StartMoveInUseCase.CertificateCodeCommand(CITY, Channel.COUNTER,
                jpeg.toByteArray(), null, Operator.staff('clerk', '窓口 職員'))) as MoveInStart.Started

        then:
        started.moveIn().basis() == MoveInBasis.PAPER_CERTIFICATE
        started.moveIn().certificate() == PAPER

        when: 'the clerk looks at the 転入届'
        def pdf = forms.preview(CITY, started.reception().number(), Operator.staff('clerk', '窓口 職員'))
        def text = new PdfTextExtractor(new PdfReader(pdf.content())).getTextFromPage(1).replaceAll(/[\s\u00a0]+/, ' ')

        then: 'it is filled from the certificate, nobody typed anything'
        text.contains('住民異動届')
        text.contains('見本 一郎')
        text.contains('見本県となり市緑町5番6号')
        text.contains('昭和54年7月7日')
        text.contains('R8-000555')
        text.contains('転出証明書')
    }

    def "紙の転出証明書: ハンディスキャナのキー入力からも受付になる"() {
        expect:
        moveIn.fromCertificateCode(new StartMoveInUseCase.CertificateCodeCommand(CITY, Channel.COUNTER, null,
                codes.write(PAPER) + '\r\n', Operator.staff('clerk', '窓口 職員'))) instanceof MoveInStart.Started
    }

    def "読めない画像・コードのない画像・別の書類のコードは、理由を伝えて受付しない"() {
        when:
        def result = moveIn.fromCertificateCode(new StartMoveInUseCase.CertificateCodeCommand(CITY, Channel.COUNTER,
                image, text, Operator.staff('clerk', '窓口 職員')))

        then:
        result instanceof MoveInStart.NotStarted
        (result as MoveInStart.NotStarted).message().contains(expected)

        where:
        image                                  | text                             || expected
        'not an image'.bytes                   | null                             || '画像を開けませんでした'
        blankPng()                             | null                             || '二次元コードを見つけられませんでした'
        null                                   | 'MADOGUCHI:R:999997:20261122-0001' || '転出証明書の内容として解釈できませんでした'
    }

    private static byte[] blankPng() {
        def image = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB)
        def out = new ByteArrayOutputStream()
        ImageIO.write(image, 'png', out)
        out.toByteArray()
    }
}
