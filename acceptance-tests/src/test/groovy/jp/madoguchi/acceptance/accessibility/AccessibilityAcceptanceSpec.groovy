package jp.madoguchi.acceptance.accessibility

import jp.madoguchi.acceptance.support.Accessibility
import jp.madoguchi.acceptance.support.BrowserScenario
import jp.madoguchi.acceptance.support.KioskQuestions
import jp.madoguchi.acceptance.support.StaffLogin

/**
 * JIS X 8341-3:2016 AA (WCAG 2.0 AA) and WCAG 2.1 AA: axe-core checks each page of the citizen's visit and of the
 * counter as a person reaches it — kiosk, phone (事前入力), call display, staff — and finds no violation. Each page's
 * report is kept with the screenshots (target/screenshots/accessibility).
 */
class AccessibilityAcceptanceSpec extends BrowserScenario {

    Map<String, List<Accessibility.Violation>> found = [:]

    def "記載台: ご用件から受付票まで"() {
        when:
        check('kiosk-home', '/kiosk')
        check('kiosk-identify', '/kiosk/identify?procedure=RESIDENT_CERTIFICATE')
        readDemoCard()
        checkHere('kiosk-questions')
        browser.clickAndLoad('#to-confirm')
        checkHere('kiosk-questions-refused')
        KioskQuestions.answer(browser)
        checkHere('kiosk-confirm')
        browser.clickAndLoad('#receive')
        checkHere('kiosk-slip')
        check('kiosk-event', '/kiosk/identify?procedure=MOVE_WITHIN_CITY_NOTIFICATION&event=MOVE_WITHIN_CITY')
        readDemoCard()
        checkHere('kiosk-related')

        then:
        noViolations()
    }

    def "事前入力（スマートフォン）と呼出表示"() {
        when:
        check('pre-entry', '/kiosk/pre-entry')
        browser.click("input[data-procedure='RESIDENT_CERTIFICATE']")
        browser.clickAndLoad('#make-code')
        checkHere('pre-entry-code')
        check('call-display', '/kiosk/calls')

        then:
        noViolations()
    }

    def "窓口: ログイン、受付一覧、受付、様式"() {
        given: 'a visit waiting'
        browser.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
        readDemoCard()
        KioskQuestions.answer(browser)
        browser.clickAndLoad('#receive')

        when:
        browser.deleteCookies()
        check('staff-login', '/staff/login')
        StaffLogin.inBrowser(browser, app, 'clerk')
        check('staff-queue', '/staff')
        browser.clickAndLoad('tr[data-number] a')
        checkHere('staff-reception')
        browser.clickAndLoad('#step-hearing')
        check('staff-forms', browser.currentPath() + '/forms')

        then:
        noViolations()
    }

    def "記載台: 文字の大きさ「特大」と白黒反転でも違反なし、選んだ見やすさはページをまたいで続く"() {
        when:
        browser.go(app.url('/kiosk'))
        browser.click("button[data-text-size='largest']")
        browser.click('#high-contrast')
        checkHere('kiosk-home-largest-contrast')
        browser.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))

        then: 'the choice follows to the next page and is announced as pressed'
        browser.execute('return document.documentElement.dataset.textSize') == 'largest'
        browser.execute('return document.documentElement.dataset.contrast') == 'high'
        browser.attribute("button[data-text-size='largest']", 'aria-pressed') == 'true'
        browser.attribute('#high-contrast', 'aria-pressed') == 'true'

        when:
        checkHere('kiosk-identify-largest-contrast')
        readDemoCard()
        checkHere('kiosk-questions-largest-contrast')
        KioskQuestions.answer(browser)
        checkHere('kiosk-confirm-largest-contrast')
        browser.click("button[data-text-size='normal']")
        browser.click('#high-contrast')

        then:
        noViolations()
        browser.execute('return document.documentElement.dataset.contrast') == 'normal'
    }

    def "記載台: 指で押すものはすべて 44×44 CSS ピクセル以上"() {
        when:
        def small = [:]
        browser.go(app.url('/kiosk'))
        small['home'] = tooSmall()
        browser.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
        small['identify'] = tooSmall()
        readDemoCard()
        small['questions'] = tooSmall()
        KioskQuestions.answer(browser)
        small['confirm'] = tooSmall()
        browser.clickAndLoad('#receive')
        small['slip'] = tooSmall()
        browser.go(app.url('/kiosk/pre-entry'))
        small['pre-entry'] = tooSmall()

        then:
        small.findAll { it.value } == [:]
    }

    def "職員を呼ぶ: 記載台で押すと受付一覧に記載台と時刻が出て、対応すると消える"() {
        when:
        browser.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
        browser.click('#call-staff')

        then: 'said in the live region, not by moving the page'
        browser.waitForText('#call-staff-status') == '職員を呼びました。その場でお待ちください。'
        browser.attribute('#call-staff-status', 'role') == 'status'
        browser.currentPath() == '/kiosk/identify'

        when:
        StaffLogin.inBrowser(browser, app, 'clerk')
        browser.go(app.url('/staff'))
        checkHere('staff-queue-help-call')

        then:
        browser.text("#help-calls li[data-terminal='KIOSK-01']").contains('KIOSK-01')
        browser.text("#help-calls li[data-terminal='KIOSK-01']") =~ /\d{2}:\d{2}から/
        noViolations()

        when:
        browser.clickAndLoad("#help-calls li[data-terminal='KIOSK-01'] button")

        then:
        browser.text('#notice') == '記載台 KIOSK-01 の呼出に対応しました'
        !browser.exists('#help-calls')

        when: 'the pre-entry page on a phone at home (through the city\'s proxy: not this PC, not a kiosk)'
        def phone = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(app.url('/kiosk/pre-entry'))).header('X-Forwarded-For', '203.0.113.5').GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())

        then: 'there is nobody to call from there'
        phone.statusCode() == 200
        phone.body().contains('id="high-contrast"')
        !phone.body().contains('id="call-staff"')
    }

    def "窓口の残りの画面: 窓口で受付、転入、関連手続、署名、パスワード"() {
        given:
        StaffLogin.inBrowser(browser, app, 'clerk')
        browser.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
        readDemoCard()
        KioskQuestions.answer(browser)
        browser.clickAndLoad('#receive')
        String number = browser.text('#reception-number')

        when:
        check('staff-related', "/staff/receptions/${number}/related")
        check('staff-signature', "/staff/receptions/${number}/forms/signature")
        check('staff-move-ins', '/staff/move-ins')
        check('staff-password', '/staff/password')
        check('staff-inquiry', '/staff?from=2026-01-01&to=2026-12-31')

        then:
        noViolations()
    }

    def "統計と管理の画面: 統計、受付情報照会、稼働状況、端末・窓口・職員・規則・様式・取込・連携・アクセス記録"() {
        when:
        StaffLogin.inBrowser(browser, app, 'supervisor')
        check('statistics', '/staff/statistics')
        check('statistics-inquiry', '/staff/statistics/receptions')
        StaffLogin.inBrowser(browser, app, 'admin')
        ['/admin/terminals', '/admin/counters', '/admin/staff', '/admin/rules', '/admin/forms', '/admin/imports',
         '/admin/handoff', '/admin/operations', '/admin/operations/report', '/admin/backups'].each {
            check('admin-' + it.substring(7).replace('/', '-'), it)
        }
        StaffLogin.inBrowser(browser, app, 'auditor')
        check('admin-audit', '/admin/audit')

        then:
        noViolations()
    }

    def "アクセシビリティ方針: 規格・対応度・試験の方法と日付を公開し、誰でも読める"() {
        when:
        browser.deleteCookies()
        check('accessibility-statement', '/kiosk/accessibility')
        def facts = browser.text('#conformance')

        then:
        facts.contains('JIS X 8341-3:2016 のレベルAAに一部準拠')
        facts.contains('axe-core 4.10.2')
        facts.contains('2026年12月5日')
        browser.texts('#not-yet li').any { it.contains('日本語だけ') }
        noViolations()
    }

    /** Every visible control a finger or pointer aims at, smaller than 44 × 44 (a radio's target is its label). */
    private List<String> tooSmall() {
        browser.execute("""
            const seen = new Set(); const small = [];
            document.querySelectorAll('a[href], button, select, input:not([type=hidden]), textarea').forEach(e => {
              const target = (e.type === 'radio' || e.type === 'checkbox') && e.closest('label') ? e.closest('label') : e;
              if (seen.has(target) || target.offsetParent === null) { return; }
              seen.add(target);
              const r = target.getBoundingClientRect();
              if (r.width < 44 || r.height < 44) {
                small.push((target.id ? '#' + target.id : target.tagName.toLowerCase()) + ' "' + target.textContent.trim().slice(0, 20)
                  + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
              }
            });
            return small;""") as List<String>
    }

    private void check(String name, String path) {
        browser.go(app.url(path))
        checkHere(name)
    }

    private void checkHere(String name) {
        browser.screenshot('a11y-' + name)
        def violations = Accessibility.check(browser, name)
        if (!violations.isEmpty()) {
            found[name] = violations
        }
    }

    private boolean noViolations() {
        assert found.isEmpty(): found.collect { page, v -> "${page}:\n  " + v.join('\n  ') }.join('\n')
        true
    }
}
