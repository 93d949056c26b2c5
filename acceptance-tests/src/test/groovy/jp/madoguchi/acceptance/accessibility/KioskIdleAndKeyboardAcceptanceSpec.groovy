package jp.madoguchi.acceptance.accessibility

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.Eventually
import jp.madoguchi.acceptance.support.RunningMadoguchi
import org.openqa.selenium.Keys
import org.openqa.selenium.interactions.Actions
import spock.lang.Shared
import spock.lang.Specification

/**
 * 記載台の時間と操作: no time limit without a warning and a way to go on; after the idle time the screen clears
 * itself back to the start (privacy), and the whole visit works from a keyboard alone, with the focus always visible.
 * The idle time is the city's setting; here 6 seconds, so the test waits little.
 */
class KioskIdleAndKeyboardAcceptanceSpec extends Specification {

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start(['madoguchi.kiosk.idle-seconds': 6])

    @Shared
    Browser browser = Browser.open()

    def cleanupSpec() {
        browser?.close()
        app?.close()
    }

    def "操作がないと、戻る前に知らせて「続ける」で延ばせ、それでも操作がなければ最初の画面に戻って見やすさの設定も消える"() {
        given:
        browser.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
        browser.click("button[data-text-size='large']")

        when: 'three seconds without a touch'
        Eventually.within(8) { browser.exists('#idle-warning') && browser.attribute('#idle-warning', 'hidden') == null }

        then: 'a warning that says when, with the way to go on focused'
        browser.text('#idle-warning-text').contains('秒後に最初の画面に戻ります')
        browser.attribute('#idle-warning', 'role') == 'alertdialog'
        browser.execute('return document.activeElement.id') == 'idle-continue'

        when: 'go on'
        browser.click('#idle-continue')

        then:
        browser.attribute('#idle-warning', 'hidden') != null
        browser.currentPath() == '/kiosk/identify'

        when: 'nobody comes back'
        Eventually.within(15) { browser.currentPath() == '/kiosk' }

        then: "the first screen, the last person's text size gone"
        browser.execute('return document.documentElement.dataset.textSize') == 'normal'
    }

    def "キーボードだけで、ご用件から受付票まで進める。フォーカスはいつも見える"() {
        given:
        browser.go(app.url('/kiosk'))
        List<String> outlines = []

        when: 'Tab to 住民票の写し and Enter'
        outlines << tabTo('a[data-procedure=RESIDENT_CERTIFICATE]')
        enter()
        Eventually.within(10) { browser.currentPath() == '/kiosk/identify' }

        and: 'the PIN field has the focus: type the PIN and press Enter'
        Eventually.within(5) { browser.execute('return document.activeElement.id') == 'pin' }
        new Actions(browser.driver()).sendKeys('1234').sendKeys(Keys.ENTER).perform()
        Eventually.within(20) { browser.exists('#questions') }

        and: 'each question by Tab and Space (a radio group takes the arrow keys), then 次へ'
        outlines << tabTo("fieldset[data-key='請求の範囲'] input")
        new Actions(browser.driver()).sendKeys(Keys.SPACE).perform()
        outlines << tabTo("fieldset[data-key='記載事項'] input")
        new Actions(browser.driver()).sendKeys(Keys.SPACE).perform()
        outlines << tabTo('#to-confirm')
        enter()
        Eventually.within(10) { browser.exists('#receive') }
        outlines << tabTo('#receive')
        enter()
        Eventually.within(10) { browser.exists('#reception-number') }

        then: 'a slip, and every focused control drew a visible outline'
        browser.text('#reception-number') ==~ /\d{8}-\d{4}/
        outlines.every { it != 'none' }
    }

    def "窓口もキーボードだけで: ログインし、受付を開いて聞き取り・確認・印刷・完了まで。フォーカスはいつも見える"() {
        given: 'a visit from the kiosk'
        browser.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
        browser.type('#pin', '1234')
        browser.clickAndLoad('#read-card')
        jp.madoguchi.acceptance.support.KioskQuestions.answer(browser)
        browser.clickAndLoad('#receive')
        String number = browser.text('#reception-number')
        List<String> outlines = []

        when: 'the login form: Tab, type, Enter'
        browser.go(app.url('/staff/login'))
        outlines << tabTo('#username')
        new Actions(browser.driver()).sendKeys('clerk').perform()
        outlines << tabTo('#password')
        new Actions(browser.driver()).sendKeys(RunningMadoguchi.DEMO_PASSWORD).sendKeys(Keys.ENTER).perform()
        Eventually.within(10) { browser.currentPath() == '/staff' }

        and: 'open the visit and take every step with Enter'
        outlines << tabTo("tr[data-number='${number}'] a")
        enter()
        Eventually.within(10) { browser.currentPath() == "/staff/receptions/${number}" }
        ['#step-hearing', '#step-confirm', '#step-print', '#step-complete'].each { step ->
            outlines << tabTo(step)
            enter()
            // each step's button stays on the page, disabled once the visit has moved past it
            Eventually.within(10) { browser.attribute(step, 'disabled') != null }
        }

        then:
        browser.text('#state') == '完了'
        outlines.every { it != 'none' }
    }

    /** Presses Tab until the element has the focus (at most 80 times); returns its outline style while focused. */
    private String tabTo(String css) {
        for (int i = 0; i < 80; i++) {
            if (browser.execute("return document.activeElement && document.activeElement.matches(arguments[0])", css)) {
                return browser.execute('return getComputedStyle(document.activeElement).outlineStyle') as String
            }
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform()
        }
        throw new AssertionError("Tab で ${css} に届きませんでした")
    }

    private void enter() {
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform()
    }
}
