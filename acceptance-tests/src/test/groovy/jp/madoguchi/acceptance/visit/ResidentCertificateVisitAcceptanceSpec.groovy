package jp.madoguchi.acceptance.visit

import jp.madoguchi.acceptance.support.GeneratedCodes
import com.lowagie.text.pdf.PdfReader
import com.lowagie.text.pdf.parser.PdfTextExtractor
import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.KioskQuestions
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal
import jp.madoguchi.adapters.documents.printing.SimulatedPrintQueue
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import javax.imageio.ImageIO
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.nio.file.Files

/**
 * One whole visit, in a real headless Chromium against the system as it ships: a citizen gets a 住民票の写し
 * reception at the kiosk with the My Number Card, a clerk handles it at the counter with the pre-filled
 * form, the back office receives one CSV row, and the supervisor's statistics count it.
 */
@Stepwise
class ResidentCertificateVisitAcceptanceSpec extends Specification {

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start()

    @Shared
    Browser browser = Browser.open()

    @Shared
    String receptionNumber

    @Shared
    String cardHolder = app.bean(SimulatedCardTerminal).card().get().face().name()

    def cleanupSpec() {
        browser?.close()
        app?.close()
    }

    def "記載台: 暗証番号を間違えると残りの回数が出て、何も読まれない"() {
        when: 'the citizen chooses 住民票の写し and presses a wrong PIN on the on-screen keypad'
        browser.go(app.url('/kiosk'))
        browser.screenshot('01-kiosk-ご用件の選択')
        browser.clickAndLoad('a[data-procedure=RESIDENT_CERTIFICATE]')
        pressKeypad('9999')
        browser.click('#read-card')

        then: 'the tries left are told, nothing is read'
        browser.waitForText('#error') == '暗証番号が違います。あと2回間違えるとカードがロックされます。'
        browser.attribute('#pin', 'value') == ''
        browser.screenshot('02-kiosk-暗証番号の誤り')
    }

    def "記載台: 住民票の写しを2通・本籍入りで、8回以内のタッチと60秒以内に受付票まで（暗証番号の4桁は別）"() {
        given: 'every touch on the screen is counted; the 4 PIN digits are the card secret, counted apart'
        int touches = 0
        def touch = { String css -> touches++; browser.click(css) }
        def touchAndLoad = { String css -> touches++; browser.clickAndLoad(css) }
        long pageMillis = 0
        def onPage = { Closure step -> long t0 = System.nanoTime(); step(); pageMillis += (System.nanoTime() - t0).intdiv(1_000_000) }

        when: 'the citizen chooses 住民票の写し and reads the card'
        onPage { browser.go(app.url('/kiosk')) }
        onPage { touchAndLoad('a[data-procedure=RESIDENT_CERTIFICATE]') }
        onPage { pressKeypad('1234') }
        onPage { touchAndLoad('#read-card') }

        then: 'the kiosk asks only what the registry and the card cannot say, as touch choices'
        browser.text('h2') == 'いくつか教えてください'
        browser.texts('fieldset.question').size() == 4
        browser.exists("fieldset[data-key='請求者との関係'] input[value='本人']:checked")
        browser.attribute('#answer-通数', 'value') == '1'
        !browser.exists("fieldset[data-key='電話番号']")
        !browser.exists("fieldset[data-key='使用目的']")
        browser.screenshot('03-kiosk-聞き取り')

        when: 'a missing choice is told, and what was chosen stays'
        onPage { touch('#answer-通数 ~ button[data-step="1"]') }
        onPage { touchAndLoad('#to-confirm') }

        then:
        browser.text('#error') == '「請求の範囲」「記載事項」を選んでください'
        browser.attribute('#answer-通数', 'value') == '2'

        when: 'two copies, only some of the household, with 本籍'
        onPage { touch("fieldset[data-key='請求の範囲'] input[value='一部']") }
        onPage { touch("fieldset[data-key='記載事項'] input[value='本籍と筆頭者']") }
        onPage { touchAndLoad('#to-confirm') }

        then: 'every value with where it came from'
        browser.text('#procedure') == '住民票の写し'
        browser.text('#name') == cardHolder
        source('氏名') == '住民記録'
        source('住所') == '住民記録'
        value('通数') == '2'
        source('通数') == 'あなたの回答'
        value('記載事項') == '本籍と筆頭者'
        value('請求の範囲') == '一部'
        browser.screenshot('04-kiosk-内容の確認と出どころ')

        when:
        onPage { touchAndLoad('#receive') }
        receptionNumber = browser.text('#reception-number')

        then: 'a slip with the call number and a QR code that refers to the visit, not to the person'
        browser.currentPath() == "/kiosk/slip/${receptionNumber}"
        receptionNumber ==~ /\d{8}-\d{4}/
        browser.text('#call-number') == String.valueOf(Integer.parseInt(receptionNumber.substring(9)))
        decodeQr(browser.attribute('#qr', 'src')) == "MADOGUCHI:R:999997:${receptionNumber}"
        browser.screenshot('05-kiosk-受付票')

        and: 'printed on the receipt printer (the demo queue records it): an 80 mm roll with the number and the wait'
        browser.text('#printed').startsWith('受付票を印刷しました')
        browser.texts('#counters li') == ['市民課']
        browser.text('#waiting') == 'お待ちの方はいません。まもなくお呼びします。'
        def job = app.bean(SimulatedPrintQueue).jobs().last()
        def printedSlip = new PdfReader(job.content())
        Math.abs(printedSlip.getPageSize(1).width - com.lowagie.text.Utilities.millimetersToPoints(80)) < 1
        new PdfTextExtractor(printedSlip).getTextFromPage(1).contains("受付番号 ${receptionNumber}")

        and: 'within the budget of the story (the one missing choice included)'
        touches <= 8
        pageMillis <= 60_000
    }

    def "窓口: ログインして受付一覧から開き、記入済みの申請書を確認して完了する"() {
        when: 'the clerk logs in'
        browser.go(app.url('/staff'))

        then: 'an unauthenticated visit goes to the login page'
        browser.currentPath() == '/staff/login'

        when:
        browser.type('#username', 'clerk')
        browser.type('#password', RunningMadoguchi.DEMO_PASSWORD)
        browser.screenshot('05-staff-ログイン')
        browser.clickAndLoad('#login')

        then: 'the new visit is in the list'
        browser.currentPath() == '/staff'
        browser.exists("tr[data-number='${receptionNumber}']")
        browser.text("tr[data-number='${receptionNumber}']").contains(cardHolder)
        browser.screenshot('06-staff-受付一覧')

        when: 'the clerk opens it and takes it up'
        browser.clickAndLoad("tr[data-number='${receptionNumber}'] a")
        browser.clickAndLoad('#step-hearing')

        then:
        browser.text('#resident-name') == cardHolder
        browser.text('#state') == '聞き取り'

        when: 'the clerk looks at the pre-filled form'
        byte[] pdf = fetch("/staff/receptions/${receptionNumber}/form.pdf")
        Files.write(Browser.SCREENSHOTS.resolve('07-staff-住民票の写し等交付申請書.pdf'), pdf)
        def formText = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1).replaceAll(/[\s\u00a0]+/, ' ')

        then: 'it is the 交付申請書, filled from the registry, with the reception number'
        new String(pdf, 0, 5, StandardCharsets.US_ASCII) == '%PDF-'
        formText.contains('住民票の写し等交付申請書')
        formText.contains(cardHolder)
        formText.contains('世帯全員')
        formText.contains("受付番号 ${receptionNumber}")

        when: 'the clerk opens the questions: what the citizen answered at the kiosk is not asked again'
        browser.go(app.url("/staff/receptions/${receptionNumber}/forms"))

        then:
        !browser.exists('#answer-請求者との関係')
        !browser.exists('#answer-通数')
        !browser.exists('#answer-請求の範囲')
        !browser.exists('#answer-記載事項')
        browser.exists('#answer-使用目的')

        when: 'only what must be written is heard at the counter'
        browser.type('#answer-使用目的', '勤務先に提出')
        browser.clickAndLoad('#save-answers')

        then:
        browser.text('#notice').startsWith('回答を記録しました')

        when: 'the citizen confirms, the form is printed, the visit is finished'
        browser.go(app.url("/staff/receptions/${receptionNumber}"))
        browser.clickAndLoad('#step-confirm')
        browser.screenshot('08-staff-受付の詳細')
        browser.clickAndLoad('#step-print')

        then:
        browser.text('#notice').startsWith('申請書を印刷しました')

        when:
        browser.clickAndLoad('#step-complete')

        then:
        browser.text('#state') == '完了'
        browser.text('#notice').startsWith('受付を完了し、基幹系への連携記録 1 件を送り出しました')
        !browser.exists('#step-refer')
        browser.screenshot('09-staff-完了')

        and: 'every step is on the timeline'
        def timeline = browser.texts('#timeline tbody tr')
        timeline.any { it.contains('記載台で受付（住民票の写し）') }
        timeline.any { it.contains('記載台で本人が回答（請求者との関係・請求の範囲・記載事項・通数）') }
        timeline.any { it.contains('市民課で聞き取りを開始') }
        timeline.any { it.contains('申請書を表示') }
        timeline.any { it.contains('職員が申請内容の確認を記録') }
        !timeline.any { it.contains('本人が') && it.contains('確認') }
        timeline.any { it.contains('申請書を印刷') }
        timeline.any { it.contains('受付を完了') }
        timeline.any { it.contains('基幹系への連携記録を登録（CERTIFICATE_REQUEST、1件）') }
    }

    def "後方連携: 完了した受付が、聞き取った通数と範囲のまま、連携フォルダにCSVの1行として届く"() {
        when: 'the delivery job runs every few seconds'
        def file = app.exportFolder().resolve("CERTIFICATE_REQUEST_999997-${receptionNumber}-RESIDENT_CERTIFICATE.csv")
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(100)
        }
        def files = Files.list(app.exportFolder()).toList()

        then: 'one complete file, no temporary left behind'
        files == [file]

        when:
        def lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\uFEFF', '').split('\r\n')
        def header = lines[0].split(',').collect { it.replace('"', '') }
        def values = lines[1].split(',').collect { it.replace('"', '') }
        def row = [header, values].transpose().collectEntries()

        then: 'a header and exactly one row: the visit, the resident, and what the clerk heard, as heard'
        lines.length == 2
        header.take(3) == ['地方公共団体コード', '受付番号', '受付日時']
        row['地方公共団体コード'] == '999997'
        row['受付番号'] == receptionNumber
        row['受付経路'] == '記載台'
        row['証明書コード'] == 'RESIDENT_CERTIFICATE'
        row['証明書の種類'] == '住民票の写し'
        row['氏名'] == cardHolder
        row['請求者区分'] == '本人'
        row['通数'] == '2'
        row['範囲'] == '一部'
        row['完了操作者'] == 'clerk'
    }

    def "先に他の職員が更新した受付への操作は、上書きせずに拒否される"() {
        when: 'a step names an old version of the visit'
        def response = post("/staff/receptions/${receptionNumber}/hearing", 'version=0')

        then:
        response.statusCode() == 409
        response.body().contains('他の職員が先に更新しました')
    }

    def "統計: 監督者は本日の手続別の件数を見られ、住民の画面は見られない"() {
        when:
        browser.deleteCookies()
        browser.go(app.url('/staff/login'))
        browser.type('#username', 'supervisor')
        browser.type('#password', RunningMadoguchi.DEMO_PASSWORD)
        browser.clickAndLoad('#login')
        browser.go(app.url('/staff/statistics'))

        then:
        browser.text("tr[data-procedure='RESIDENT_CERTIFICATE'] .receptions") == '1'
        browser.text("tr[data-procedure='RESIDENT_CERTIFICATE'] .completed") == '1'
        browser.text('#total') == '1'
        browser.screenshot('10-staff-日次統計')

        when: 'the supervisor tries the reception list'
        browser.go(app.url('/staff'))

        then:
        browser.currentPath() == '/staff/forbidden'
    }

    private String value(String label) {
        KioskQuestions.value(browser, label)
    }

    private String source(String label) {
        KioskQuestions.source(browser, label)
    }

    private void pressKeypad(String digits) {
        browser.click('.keypad button[data-clear]')
        digits.each { browser.click(".keypad button[data-digit='${it}']") }
    }

    private static String decodeQr(String dataUri) {
        GeneratedCodes.read(dataUri)
    }

    private byte[] fetch(String path) {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header('Cookie', 'JWT=' + browser.cookie('JWT')).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body()
    }

    /** A form as the browser sends it: with the login cookie, the CSRF cookie and the page's CSRF token. */
    private HttpResponse<String> post(String path, String form) {
        def token = browser.attribute('meta[name=csrf-token]', 'content')
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header('Cookie', 'JWT=' + browser.cookie('JWT') + '; MADOGUCHI_CSRF=' + browser.cookie('MADOGUCHI_CSRF'))
                .header('X-CSRF-Token', token)
                .header('Content-Type', 'application/x-www-form-urlencoded')
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
    }
}
