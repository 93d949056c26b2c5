package jp.madoguchi.acceptance.visit

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.KioskQuestions
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.out.ContentConfirmations
import jp.madoguchi.application.port.out.ReceptionPaperwork
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import org.openqa.selenium.By
import org.openqa.selenium.interactions.Actions
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.security.MessageDigest

/**
 * 本人による内容の確認 on the counter tablet (a second browser registered like a kiosk): the clerk sends the visit,
 * the citizen reads every value with its source, taps 「内容を確認しました」 and signs; the confirmation holds the
 * SHA-256 of exactly the rows shown, and a changed answer voids it.
 */
@Stepwise
class TabletConfirmationAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start()

    @Shared
    Browser clerk = Browser.open()

    @Shared
    Browser tablet = Browser.open()

    @Shared
    String number

    def cleanupSpec() {
        clerk?.close()
        tablet?.close()
        app?.close()
    }

    def "記載台で受け付け、窓口で聞き取り、タブレットに送る"() {
        given: 'a kiosk visit for 住民票の写し (the tablet browser serves as the demo kiosk first)'
        tablet.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
        tablet.type('#pin', '1234')
        tablet.clickAndLoad('#read-card')
        KioskQuestions.answer(tablet, ['請求の範囲': '世帯全員', '記載事項': '省略'])
        tablet.clickAndLoad('#receive')
        number = tablet.text('#reception-number')

        when: 'the tablet waits for the clerk'
        tablet.go(app.url('/kiosk/tablet'))

        then:
        tablet.text('#waiting') == '職員がご案内するまで、お待ちください'

        when: 'the clerk takes the visit up, hears the purpose and sends the content to the tablet'
        StaffLogin.inBrowser(clerk, app, 'clerk')
        clerk.go(app.url("/staff/receptions/${number}"))
        clerk.clickAndLoad('#step-hearing')
        clerk.go(app.url("/staff/receptions/${number}/forms"))
        clerk.type('#answer-使用目的', '勤務先に提出')
        clerk.clickAndLoad('#save-answers')
        clerk.selectValue('#tablet-terminal', 'KIOSK-01')
        clerk.clickAndLoad('#send-to-tablet')

        then:
        clerk.text('#notice').startsWith('タブレット KIOSK-01 に内容を表示しました')
    }

    def "タブレットに内容と出どころが大きく出て、本人が確認して署名すると、見せた内容のSHA-256で確認が残る"() {
        when: 'the waiting page refreshes itself to the content'
        waitUntil { tablet.exists('#review') }
        def rows = tablet.driver().findElements(By.cssSelector('#review tbody tr')).collect { tr ->
            tr.findElements(By.cssSelector('th, td'))*.text }
        def shownHash = tablet.attribute('#content-sha256', 'value')

        then: 'every value with its source, the clerk-heard purpose among the citizen answers'
        rows.find { it[0] == '使用目的' } == ['使用目的', '勤務先に提出', 'あなたの回答']
        rows.find { it[0] == '通数' } == ['通数', '1', 'あなたの回答']
        rows.find { it[0] == '氏名' }[2] == '住民記録'
        shownHash == sha256(rows.collect { it.join('\t') + '\n' }.join(''))
        !tablet.driver().findElement(By.id('signing')).displayed
        tablet.screenshot('41-tablet-内容の確認')

        when: 'the citizen says the content is right, signs and confirms'
        tablet.click('#content-ok')
        sign()
        tablet.clickAndLoad('#done')

        then:
        tablet.text('#thanks') == 'ありがとうございました'
        def confirmation = app.bean(ContentConfirmations).find(CITY, ReceptionNumber.parse(number)).get()
        confirmation.contentSha256() == shownHash
        confirmation.signatureSha256() == app.bean(ReceptionPaperwork).signature(CITY, ReceptionNumber.parse(number)).get().sha256()

        and: 'the timeline says the citizen confirmed, only now'
        clerk.go(app.url("/staff/receptions/${number}"))
        clerk.texts('#timeline tbody tr').any { it.contains('本人が内容を確認（内容 SHA-256 ' + shownHash.substring(0, 16)) }
        clerk.text('#state') == '確認'

        and: 'the forms page shows it as a badge, with the hash'
        clerk.go(app.url("/staff/receptions/${number}/forms"))
        clerk.text('#tablet-status').startsWith('本人が確認し署名済み')
        clerk.text('#tablet-status').contains('KIOSK-01、SHA-256 ' + shownHash.substring(0, 12))
    }

    def "回答が変わると確認も署名も取り消され、もう一度タブレットで確認してもらう"() {
        when: 'the clerk hears one more thing: the content is no longer what was confirmed'
        clerk.go(app.url("/staff/receptions/${number}/forms"))
        clerk.type('#answer-電話番号', '0120-000-001')
        clerk.clickAndLoad('#save-answers')

        then:
        app.bean(ContentConfirmations).find(CITY, ReceptionNumber.parse(number)).isEmpty()
        app.bean(ReceptionPaperwork).signature(CITY, ReceptionNumber.parse(number)).isEmpty()
        clerk.text('#tablet-status') == '本人による内容の確認: まだです'

        when: 'sent again, but the answer changes while the citizen is reading'
        clerk.selectValue('#tablet-terminal', 'KIOSK-01')
        clerk.clickAndLoad('#send-to-tablet')
        tablet.go(app.url('/kiosk/tablet'))
        def shownBefore = tablet.attribute('#content-sha256', 'value')
        clerk.click('#answered summary')
        assert clerk.attribute('#answered-通数', 'value') == '1'
        clerk.type('#answered-使用目的', '銀行に提出')
        clerk.clickAndLoad('#correct-answers')
        tablet.click('#content-ok')
        sign()
        tablet.clickAndLoad('#done')

        then: 'not taken: the new content is shown to be confirmed again'
        tablet.text('#tablet-notice') == '内容が変わりました。もう一度ご確認のうえ、署名をお願いします。'
        tablet.attribute('#content-sha256', 'value') != shownBefore
        tablet.texts('#review tbody tr').any { it.contains('銀行に提出') }
        app.bean(ContentConfirmations).find(CITY, ReceptionNumber.parse(number)).isEmpty()

        and: 'the timeline kept the voiding'
        clerk.go(app.url("/staff/receptions/${number}"))
        clerk.texts('#timeline tbody tr').any { it.contains('回答が変わったため、本人の内容確認と署名を取り消し') }
    }

    private void sign() {
        def pad = tablet.driver().findElement(By.id('pad'))
        new Actions(tablet.driver()).moveToElement(pad, -100, 0).clickAndHold().moveByOffset(80, 20)
                .moveByOffset(80, -30).release().perform()
    }

    private static String sha256(String text) {
        MessageDigest.getInstance('SHA-256').digest(text.getBytes('UTF-8')).encodeHex().toString()
    }

    private static void waitUntil(Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 15_000
        while (!condition()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError('待っても変わりませんでした')
            }
            Thread.sleep(250)
        }
    }
}
