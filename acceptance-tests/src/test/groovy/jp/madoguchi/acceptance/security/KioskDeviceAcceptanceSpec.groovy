package jp.madoguchi.acceptance.security

import jp.madoguchi.acceptance.support.GeneratedCodes
import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import javax.imageio.ImageIO
import java.net.http.HttpClient

/**
 * 記載台の端末: only a browser an administrator registered (terminal ID and its pairing token) is a kiosk; it sees
 * only the visits it served; withdrawing the terminal ends it at once. No demo kiosk here.
 */
@Stepwise
class KioskDeviceAcceptanceSpec extends Specification {

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start(['madoguchi.kiosk.demo-device': false])
    @Shared @AutoCleanup Browser browser = Browser.open()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    @Shared String token

    def "登録されていないブラウザには記載台の画面が出ず、その旨と登録の案内が出る"() {
        when:
        browser.go(app.url('/kiosk'))

        then:
        browser.text('#unregistered').contains('記載台として登録されていない')
        !browser.exists('a[href^="/kiosk/identify"]')

        expect: 'the same over HTTP: refused, not sent to the staff login'
        KioskRegistration.get(http, app, '/kiosk', KioskRegistration.anonymous(http, app)).statusCode() == 403
    }

    def "管理者が端末を登録し、記載台のブラウザで端末IDとトークンを入れると記載台になる（誤ったトークンは拒否）"() {
        given: 'the administrator registers KIOSK-02 on 端末の登録'
        StaffLogin.inBrowser(browser, app, 'admin')
        browser.go(app.url('/admin/terminals'))
        browser.type('input[name=terminalId]', 'KIOSK-02')
        browser.type('input[name=label]', '本庁舎1階 記載台2')
        browser.clickAndLoad('#pair')
        token = browser.text('#token')
        browser.deleteCookies()

        when: 'on the kiosk PC, a wrong token first'
        browser.go(app.url('/kiosk/device'))
        browser.type('#terminalId', 'KIOSK-02')
        browser.type('#token', token.substring(0, token.length() - 2) + 'xx')
        browser.clickAndLoad('#register-button')

        then:
        browser.text('#error').contains('組み合わせが正しくない')
        browser.cookie('MADOGUCHI_KIOSK') == null

        when:
        browser.type('#token', token)
        browser.clickAndLoad('#register-button')

        then: 'the kiosk home, and the registration in the access history'
        browser.currentPath() == '/kiosk'
        browser.exists('a[href^="/kiosk/identify"]')
        trail("actor_id = 'KIOSK-02'") == ['LOGIN_FAILED 記載台の登録', 'LOGIN 記載台の登録']
    }

    def "記載台は自分が出した受付票だけを表示でき、ほかの記載台の受付票は見えない"() {
        given: 'a second kiosk'
        def first = KioskRegistration.register(http, app, 'KIOSK-02', token)
        def second = KioskRegistration.register(http, app, 'KIOSK-03', KioskRegistration.pair(http, app, 'KIOSK-03', '本庁舎1階 記載台3'))

        when: 'a citizen shows a pre-entry code at the first kiosk'
        def slip = KioskRegistration.post(http, app, '/kiosk/pre-entry/scan', first, 'code=' + URLEncoder.encode(preEntryCode(), 'UTF-8'))
        def slipPath = slip.headers().firstValue('Location').orElseThrow()

        then:
        slip.statusCode() == 303
        KioskRegistration.get(http, app, slipPath, first).statusCode() == 200

        and: 'the other kiosk, or any browser, cannot open it'
        KioskRegistration.get(http, app, slipPath, second).statusCode() == 404
        KioskRegistration.get(http, app, slipPath, KioskRegistration.anonymous(http, app)).statusCode() == 403
    }

    def "記載台のカードは、その記載台に登録されたカードリーダーでしか読めない"() {
        given:
        def kiosk = KioskRegistration.register(http, app, 'KIOSK-02', token)

        when: "the page says its agent's reader is KIOSK-01's"
        def answer = KioskRegistration.post(http, app, '/kiosk/identify/challenge', kiosk, 'procedure=RESIDENT_CERTIFICATE&terminal=KIOSK-01')

        then:
        answer.body().contains('"ok":false')
        answer.body().contains('この記載台（KIOSK-02）に登録されたものではありません')
    }

    def "端末の登録を取り消すと、その記載台は次の操作から使えない"() {
        given:
        def kiosk = KioskRegistration.register(http, app, 'KIOSK-02', token)
        assert KioskRegistration.get(http, app, '/kiosk', kiosk).statusCode() == 200

        when:
        def admin = StaffLogin.overHttp(http, app, 'admin')
        KioskRegistration.post(http, app, '/admin/terminals/revoke', admin, 'terminalId=KIOSK-02')

        then:
        KioskRegistration.get(http, app, '/kiosk', kiosk).statusCode() == 403
        trail("action = 'ADMINISTRATION' AND detail LIKE '%KIOSK-02 の登録を取消%'").size() == 1

        when: 'the old token no longer registers a browser either'
        KioskRegistration.register(http, app, 'KIOSK-02', token)

        then:
        thrown(IllegalStateException)
    }

    def "同じ端末IDを登録し直すと、前の登録のクッキー（古いPCから写したもの）は使えない"() {
        given: 'KIOSK-03 registered in one browser'
        def old = KioskRegistration.register(http, app, 'KIOSK-03', KioskRegistration.pair(http, app, 'KIOSK-03', '本庁2階 記載台3'))
        assert KioskRegistration.get(http, app, '/kiosk', old).statusCode() == 200

        when: 'the administrator pairs KIOSK-03 again (a new PC) and it registers'
        Thread.sleep(5)
        def renewed = KioskRegistration.register(http, app, 'KIOSK-03', KioskRegistration.pair(http, app, 'KIOSK-03', '本庁2階 記載台3'))

        then: 'the new registration works, the copy of the old cookie does not'
        KioskRegistration.get(http, app, '/kiosk', renewed).statusCode() == 200
        KioskRegistration.get(http, app, '/kiosk', old).statusCode() == 403
    }

    def "デモでない設置では、このPCからのブラウザでも登録なしに記載台にはならない（設定で有効にしても）"() {
        given:
        def production = RunningMadoguchi.start(['madoguchi.demo.enabled': false, 'madoguchi.kiosk.demo-device': true])

        expect:
        KioskRegistration.get(http, production, '/kiosk', KioskRegistration.anonymous(http, production)).statusCode() == 403

        cleanup:
        production?.close()
    }

    private String preEntryCode() {
        def page = KioskRegistration.post(http, app, '/kiosk/pre-entry', KioskRegistration.anonymous(http, app), 'procedure=RESIDENT_CERTIFICATE')
        def dataUri = (page.body() =~ /id="qr"[^>]*src="([^"]+)"|src="([^"]+)"[^>]*id="qr"/).with { it.find() ? (it.group(1) ?: it.group(2)) : null }
        GeneratedCodes.read(dataUri)
    }

    private List<String> trail(String where) {
        app.bean(Jdbi).withHandle { h ->
            h.createQuery("SELECT action || ' ' || purpose FROM audit_entry WHERE " + where + " ORDER BY seq").mapTo(String).list()
        }
    }
}
