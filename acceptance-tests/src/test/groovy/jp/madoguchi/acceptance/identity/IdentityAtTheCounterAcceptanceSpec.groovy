package jp.madoguchi.acceptance.identity

import jp.madoguchi.acceptance.support.GeneratedCodes
import com.lowagie.text.pdf.PdfReader
import com.lowagie.text.pdf.parser.PdfTextExtractor
import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal
import jp.madoguchi.adapters.devices.cardreader.VirtualMyNumberCard
import jp.madoguchi.adapters.documents.testing.DamagedCodeImages
import jp.madoguchi.application.port.out.MoveOutCertificateCodes
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.moving.MoveOutCertificate
import jp.madoguchi.domain.resident.IndividualNumber
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import javax.imageio.ImageIO
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.time.LocalDate

/**
 * 本人確認と転入: 記載台でカードが住民登録と一部しか合わないときは職員が照合し、転入は紙の転出証明書の二次元コード
 * （記載台のハンディスキャナ、窓口の写真）から記入済みの転入届になる。管理者は端末を登録し、取り消せる。
 */
@Stepwise
class IdentityAtTheCounterAcceptanceSpec extends Specification {

    static final MoveOutCertificate PAPER = new MoveOutCertificate('R8-000901', new LocalGovernmentCode('999989'),
            '転入 一郎', 'テンニュウ イチロウ', LocalDate.of(1979, 7, 7), null, Sex.MALE, '世帯主', '転入 一郎',
            '見本県となり市緑町5番6号', '見本県みらい市本町一丁目1番2号', LocalDate.of(2026, 11, 20), '見本県となり市緑町5番地',
            '転入 一郎', new MoveOutCertificate.BusinessStatuses('1', null, null, '1', null))

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start()

    @Shared
    Browser browser = Browser.open()

    @Shared
    SimulatedCardTerminal reader = app.bean(SimulatedCardTerminal)

    @Shared
    VirtualMyNumberCard demoCard = reader.card().get()

    @Shared
    String partialReception

    def cleanupSpec() {
        reader?.place(demoCard)
        browser?.close()
        app?.close()
    }

    def "記載台: 住所が住民登録と違うカードでも受付でき、職員の本人確認待ちになる"() {
        given: 'the holder moved within the city and the card still shows the old address'
        def face = demoCard.face()
        reader.place(VirtualMyNumberCard.of(new CardFace(face.name(), '見本県みらい市旧町九丁目9番9号', face.birthDate(), face.sex()),
                IndividualNumber.fromFirstElevenDigits('12345678901'), '1234'))

        when:
        browser.go(app.url('/kiosk'))
        browser.clickAndLoad('a[data-procedure=RESIDENT_CERTIFICATE]')
        pressKeypad('1234')
        browser.clickAndLoad('#read-card')

        then: 'the citizen is told a clerk will check; what is shown is the card, not the registry'
        browser.text('#needs-check').contains('職員が本人確認')
        browser.text('#name') == face.name()
        browser.screenshot('21-kiosk-本人確認は窓口で')

        when:
        browser.clickAndLoad('#receive')
        partialReception = browser.text('#reception-number')

        then:
        partialReception ==~ /\d{8}-\d{4}/
    }

    def "窓口: カードと候補を見比べて本人を選ぶと、本人確認済みになり住民記録が出る"() {
        given:
        login('clerk')

        when:
        browser.go(app.url("/staff/receptions/${partialReception}"))

        then: 'the card beside the registry candidates, the holder among them'
        browser.text('#card-name') == demoCard.face().name()
        browser.texts('#candidates tbody tr').any { it.contains(demoCard.face().name()) }
        !browser.exists('#resident-name')
        browser.screenshot('22-staff-本人確認の照合')

        when:
        browser.clickAndLoad('#candidates tbody tr:first-child .confirm-identity')

        then:
        browser.text('#resident-name') == demoCard.face().name()
        !browser.exists('#identity-check')
        browser.texts('#timeline tbody tr').any { it.contains('本人確認（宛名番号') && it.contains('カードと住民登録を職員が照合') }
    }

    def "窓口: 転出証明書の写真（傾き・低コントラスト）から、記入済みの転入届の受付になる"() {
        given: 'a photo of a generated certificate code'
        def codes = app.bean(MoveOutCertificateCodes)
        def photo = Files.createTempFile('転出証明書', '.jpg')
        ImageIO.write(DamagedCodeImages.set(codes.write(PAPER), 3, 5L)[2].image(), 'jpg', photo.toFile())

        when:
        browser.go(app.url('/staff/move-ins'))
        browser.type('#image', photo.toString())
        browser.screenshot('23-staff-転出証明書の読み取り')
        browser.clickAndLoad('#read-certificate')
        def number = browser.text('#reception-number')

        then: 'the reception shows the certificate, nobody typed it'
        browser.text('#notice') == '転出証明書から転入届の受付を作りました'
        browser.text('#move-in-basis') == '転出証明書'
        browser.text('#move-in-name') == '転入 一郎'
        browser.text('#move-in-previous-address') == '見本県となり市緑町5番6号'
        browser.screenshot('24-staff-転入届の受付')

        when: 'the 転入届 itself'
        def pdf = fetch("/staff/receptions/${number}/form.pdf")
        def text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1).replaceAll(/[\s\u00a0]+/, ' ')

        then:
        text.contains('住民異動届')
        text.contains('転入 一郎')
        text.contains('見本県となり市緑町5番6号')
        text.contains('R8-000901')
    }

    def "窓口: スキャナーが保存した転出証明書の画像を、端末エージェント経由で読み取って受付し、画像は残さない"() {
        given: 'the counter scanner saved a scan'
        Files.createDirectories(app.scannerFolder())
        def scan = app.scannerFolder().resolve('scan0001.png')
        def other = new MoveOutCertificate('R8-000902', PAPER.fromCity(), '走査 花子', 'ソウサ ハナコ', LocalDate.of(1990, 1, 2), null,
                Sex.FEMALE, '世帯主', '走査 花子', '見本県となり市青葉町1番', null, LocalDate.of(2026, 11, 21), null, null, null)
        ImageIO.write(DamagedCodeImages.frame(app.bean(MoveOutCertificateCodes).write(other), 3L), 'png', scan.toFile())

        when:
        browser.go(app.url('/staff/move-ins'))
        browser.click('#from-scanner')
        browser.waitForPath('/staff/receptions/')

        then:
        browser.text('#move-in-name') == '走査 花子'
        !Files.exists(scan)

        when: 'nothing new from the scanner'
        browser.go(app.url('/staff/move-ins'))
        browser.click('#from-scanner')

        then:
        browser.waitForText('#scanner-message').contains('新しい画像が届いていません')
    }

    def "窓口: 二次元コードのない画像は受付を作らず、撮り直しを促す"() {
        given:
        def blank = Files.createTempFile('白紙', '.png')
        ImageIO.write(new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB), 'png', blank.toFile())

        when:
        browser.go(app.url('/staff/move-ins'))
        browser.type('#image', blank.toString())
        browser.clickAndLoad('#read-certificate')

        then:
        browser.currentPath() == '/staff/move-ins'
        browser.text('#error').contains('二次元コードを見つけられませんでした')
    }

    def "記載台: 特例転入の情報がなければ紙の転出証明書へ案内し、ハンディスキャナの入力で受付票まで進む"() {
        given:
        reader.place(demoCard)
        def payload = app.bean(MoveOutCertificateCodes).write(PAPER)

        when: 'a card holder chooses 転入届'
        browser.go(app.url('/kiosk/identify?procedure=MOVE_IN_NOTIFICATION'))
        pressKeypad('1234')
        browser.clickAndLoad('#read-card')

        then: 'no 転出証明書情報 for this person: the paper path is offered'
        browser.text('#error').contains('転出証明書情報が見つかりませんでした')
        browser.screenshot('25-kiosk-紙の転出証明書へ')

        when: 'the handheld scanner types the code and Enter: the visit is taken, and lists who moves in'
        browser.type('#code', payload + '\n')
        browser.waitForPath('/kiosk/move-in/')

        then:
        browser.text('#mover-count') == '1人'
        browser.texts('#movers tbody th') == [PAPER.name()]

        when: 'nobody else moves in; the questions are left to the counter'
        browser.clickAndLoad('#to-slip')

        then:
        browser.text('#reception-number') ==~ /\d{8}-\d{4}/
        browser.screenshot('26-kiosk-転入の受付票')
    }

    def "事前入力: スマートフォンで手続を選んだQRコードを記載台でかざすと受付票が出て、窓口で宛名番号により本人確認する"() {
        when: 'at home: two procedures, a QR code'
        browser.go(app.url('/kiosk/pre-entry'))
        browser.click("input[data-procedure='RESIDENT_CERTIFICATE']")
        browser.click("input[data-procedure='SEAL_CERTIFICATE']")
        browser.clickAndLoad('#make-code')
        def code = decodeQr(browser.attribute('#qr', 'src'))
        browser.screenshot('28-事前入力のQRコード')

        then: 'a reference only'
        code ==~ /MADOGUCHI:P:999997:[A-Za-z0-9_-]{22}/
        browser.texts('#chosen li') == ['住民票の写し', '印鑑登録証明書']

        when: 'at the kiosk the handheld scanner types it'
        browser.go(app.url('/kiosk'))
        browser.clickAndLoad('#pre-entry-scan')
        browser.type('#code', code + '\n')
        browser.waitForPath('/kiosk/slip/')
        def number = browser.text('#reception-number')

        then:
        browser.text('#reception-number') ==~ /\d{8}-\d{4}/
        browser.screenshot('29-kiosk-事前入力の受付票')

        when: 'the scanner reads the same code again at once (二度読み): the same slip, no second visit'
        browser.go(app.url('/kiosk/pre-entry/scan'))
        browser.type('#code', code + '\n')
        browser.waitForPath('/kiosk/slip/')

        then:
        browser.text('#reception-number') == number

        when: 'the clerk checks an ID document and names the resident'
        login('clerk')
        browser.go(app.url("/staff/receptions/${number}"))
        browser.type('#addresseeNumber', demoHolderAddresseeNumber())
        browser.clickAndLoad('#confirm-by-number')

        then:
        browser.text('#resident-name') == demoCard.face().name()
        browser.texts('#timeline tbody tr').any { it.contains('事前入力で受付（住民票の写し・印鑑登録証明書）') }
    }

    def "窓口で受付: 記載台を通らない方の受付を手続を選んで始め、宛名番号で本人確認する。手続を選ばなければ断る"() {
        given:
        browser.deleteCookies()
        login('clerk')

        when: 'nothing chosen'
        browser.go(app.url('/staff'))
        browser.click('#walk-in-panel summary')
        browser.clickAndLoad('#walk-in-open')

        then:
        browser.text('#error') == '窓口で受付するには、手続を1つ以上選んでください'

        when: 'a citizen at the counter asks for a 住民票 and a 印鑑登録証明書'
        browser.click('#walk-in-panel summary')
        browser.click("#walk-in input[data-procedure='RESIDENT_CERTIFICATE']")
        browser.click("#walk-in input[data-procedure='SEAL_CERTIFICATE']")
        browser.clickAndLoad('#walk-in-open')
        def number = browser.currentPath().substring('/staff/receptions/'.length())

        then: 'a counter visit, nobody identified yet'
        browser.text('#notice').startsWith('窓口で受付しました')
        browser.texts('#timeline tbody tr').any { it.contains('窓口で受付（住民票の写し・印鑑登録証明書）') }
        browser.exists('#addresseeNumber')

        when: 'the clerk checks an ID document and names the resident'
        browser.type('#addresseeNumber', demoHolderAddresseeNumber())
        browser.clickAndLoad('#confirm-by-number')

        then:
        browser.text('#resident-name') == demoCard.face().name()
        app.bean(jp.madoguchi.application.port.in.FindReceptionsUseCase).today(new LocalGovernmentCode('999997'))
                .find { it.number().value() == number }.channel().label() == '窓口'
    }

    def "窓口で受付（在留カード）: カードの番号で本人確認する。形の違う番号・住民記録にない番号は理由を言って断る"() {
        given: 'a foreign resident of the demo data and the number on their 在留カード'
        def holder = jp.madoguchi.acceptance.support.DemoResidents.withResidenceCard(app)
        String card = holder.residence_card_number

        when: 'a walk-in for a 住民票'
        browser.go(app.url('/staff'))
        browser.click('#walk-in-panel summary')
        browser.click("#walk-in input[data-procedure='RESIDENT_CERTIFICATE']")
        browser.clickAndLoad('#walk-in-open')
        def number = browser.currentPath().substring('/staff/receptions/'.length())

        and: 'a number typed wrongly'
        browser.type('#residenceCardNumber', 'AB1234')
        browser.clickAndLoad('#confirm-by-residence-card')

        then:
        browser.text('#error') == '在留カード番号は英字2文字・数字8桁・英字2文字（例: AB12345678CD）で入力してください'

        when: 'a card the registry does not know'
        browser.type('#residenceCardNumber', 'ZZ00000000ZZ')
        browser.clickAndLoad('#confirm-by-residence-card')

        then:
        browser.text('#error').startsWith('在留カード番号 ZZ00000000ZZ の方は住民記録にいません')

        when: 'the number as read off the card, in lower case and full width with a space'
        def typed = card.substring(0, 2).toLowerCase() + ' ' + card.substring(2, 10).collect { (char) (it.charAt(0) + 0xFEE0) }.join('') + card.substring(10)
        browser.type('#residenceCardNumber', typed)
        browser.clickAndLoad('#confirm-by-residence-card')

        then: 'identified: the resident with that card'
        browser.text('#notice') == "在留カードで本人確認をしました（宛名番号 ${holder.addressee_number}）"
        app.bean(jp.madoguchi.application.port.out.Receptions).find(new LocalGovernmentCode('999997'),
                jp.madoguchi.domain.reception.ReceptionNumber.parse(number)).get().resident().get().value() == holder.addressee_number
    }

    def "管理者: 端末を登録するとトークンを一度だけ表示し、取り消した端末ではカードを読めない"() {
        given:
        browser.deleteCookies()
        login('admin')

        when:
        browser.go(app.url('/admin/terminals'))
        browser.type('#terminalId', 'KIOSK-02')
        browser.type('#label', '本庁1階 記載台2')
        browser.clickAndLoad('#pair')

        then:
        browser.text('#token').startsWith('mdgp1.')
        browser.text('#command').contains('./madoguchi terminal-agent --terminal KIOSK-02')
        browser.text("tr[data-terminal='KIOSK-02'] .state") == '使用中'
        browser.screenshot('27-admin-端末の登録')

        when: 'the list again: the token is not shown a second time'
        browser.go(app.url('/admin/terminals'))

        then:
        !browser.exists('#token')

        when:
        browser.clickAndLoad("tr[data-terminal='KIOSK-02'] .revoke")

        then:
        browser.text('#notice').contains('KIOSK-02 の登録を取り消しました')
        browser.text("tr[data-terminal='KIOSK-02'] .state").startsWith('取消')
        post('/kiosk/identify/challenge', 'procedure=RESIDENT_CERTIFICATE&terminal=KIOSK-02').body().contains('"ok":false')
        post('/kiosk/identify/challenge', 'procedure=RESIDENT_CERTIFICATE&terminal=KIOSK-01').body().contains('"ok":true')
    }

    private String demoHolderAddresseeNumber() {
        def registry = app.bean(jp.madoguchi.application.port.in.SearchResidentsUseCase)
        def face = demoCard.face()
        registry.byFourItems(new LocalGovernmentCode('999997'), new jp.madoguchi.application.port.in.SearchResidentsUseCase.FourItems(
                face.name(), face.address(), LocalDate.parse(face.birthDate(), java.time.format.DateTimeFormatter.BASIC_ISO_DATE), face.sex()),
                jp.madoguchi.domain.shared.Operator.system('acceptance-test'))
                .find { it.exact() }.resident().addresseeNumber().value()
    }

    private static String decodeQr(String dataUri) {
        GeneratedCodes.read(dataUri)
    }

    private void login(String user) {
        StaffLogin.inBrowser(browser, app, user)
    }

    private void pressKeypad(String digits) {
        browser.click('.keypad button[data-clear]')
        digits.each { browser.click(".keypad button[data-digit='${it}']") }
    }

    private byte[] fetch(String path) {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header('Cookie', 'JWT=' + browser.cookie('JWT')).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body()
    }

    /** A kiosk request as the page's script makes it: with the browser's CSRF cookie and token. */
    private HttpResponse<String> post(String path, String form) {
        browser.go(app.url('/kiosk'))
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header('Cookie', 'MADOGUCHI_CSRF=' + browser.cookie('MADOGUCHI_CSRF'))
                .header('X-CSRF-Token', browser.attribute('meta[name=csrf-token]', 'content'))
                .header('Content-Type', 'application/x-www-form-urlencoded')
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
    }
}
