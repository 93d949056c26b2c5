package jp.madoguchi.acceptance.security

import jp.madoguchi.acceptance.support.GeneratedCodes
import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.adapters.security.TotpOneTimePasswords
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import javax.imageio.ImageIO
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Instant

/** 職員ログインの安全: lockout, the second factor (use and first-time setup), password policy, CSRF, headers. */
@Stepwise
class StaffLoginSecurityAcceptanceSpec extends Specification {

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start()
    @Shared @AutoCleanup Browser browser = Browser.open()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()

    def "5回続けてパスワードを誤るとロックされ、正しいパスワードでも入れず、管理者が解除すると入れる"() {
        when: 'four wrong passwords'
        def answers = (1..4).collect { browserLogin('supervisor', "wrong-password-$it") }

        then: 'each is refused without saying which was wrong, in the words an unknown name gets'
        def stranger = browserLogin('no-such-member', 'wrong-password')
        answers.every { it == stranger }
        stranger.contains('ユーザーIDまたはパスワードが違います')
        stranger.contains('続けて5回間違えると')

        when: 'the fifth'
        def fifth = browserLogin('supervisor', 'wrong-password-5')

        then:
        fifth == stranger
        trail("action = 'LOGIN_FAILED' AND actor_id = 'supervisor'").last().contains('5回目でロック')

        when: 'the right password during the lock'
        def locked = browserLogin('supervisor', RunningMadoguchi.DEMO_PASSWORD)

        then: 'still refused, in the same words (the lock is no sign the name exists), and not logged in'
        locked == stranger
        browser.currentPath() == '/staff/login'
        trail("action = 'LOGIN_FAILED' AND actor_id = 'supervisor'").last().contains('ロック中')

        when: 'the administrator lifts the lock on 職員と役割'
        StaffLogin.inBrowser(browser, app, 'admin')
        browser.go(app.url('/admin/staff'))

        then:
        browser.text("tr[data-username='supervisor'] .state").startsWith('ロック中')

        when:
        browser.click("tr[data-username='supervisor'] summary")
        browser.clickAndLoad("tr[data-username='supervisor'] .account-unlock button")

        then:
        browser.text('#notice').contains('ロックを解除しました')
        trail("action = 'ADMINISTRATION'").any { it.contains('ロックの解除: supervisor') }

        when:
        browser.deleteCookies()
        browserLogin('supervisor', RunningMadoguchi.DEMO_PASSWORD)

        then: 'the supervisor lands on the statistics, the first page their permissions open'
        browser.currentPath() == '/staff/statistics'
    }

    def "管理者は確認コードが必要で、誤ったコード・使用済みのコードでは入れない"() {
        given:
        browser.deleteCookies()

        when: 'the right password alone'
        browserLogin('admin', RunningMadoguchi.DEMO_PASSWORD)

        then: 'the page asks for the code'
        browser.exists('#code')
        browser.currentPath() == '/staff/login'

        when: 'a wrong code'
        browser.type('#password', RunningMadoguchi.DEMO_PASSWORD)
        browser.type('#code', '000000' == rightCode() ? '111111' : '000000')
        browser.clickAndLoad('#login')

        then:
        browser.text('#error').contains('確認コードが違います')
        browser.currentPath() == '/staff/login'

        when: 'the right code'
        def code = StaffLogin.nextCode(app, 'admin')
        browser.type('#password', RunningMadoguchi.DEMO_PASSWORD)
        browser.type('#code', code)
        browser.clickAndLoad('#login')

        then:
        browser.currentPath() == '/staff'
        trail("action = 'LOGIN' AND actor_id = 'admin'").last().contains('二要素認証')

        when: 'the same code a second time (seen over a shoulder)'
        browser.deleteCookies()
        browserLogin('admin', RunningMadoguchi.DEMO_PASSWORD)
        browser.type('#password', RunningMadoguchi.DEMO_PASSWORD)
        browser.type('#code', code)
        browser.clickAndLoad('#login')

        then:
        browser.currentPath() == '/staff/login'
        browser.text('#error').contains('確認コードが違います')
    }

    def "新しい管理者は初めてのログインでQRコードから認証アプリを登録し、以後はそのコードで入る"() {
        given:
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'admin')
        browser.go(app.url('/admin/staff'))

        when: 'a password the policy refuses'
        browser.type('#new-username', 'kanri.yamada')
        browser.type('#new-display-name', '管理 山田')
        browser.type('#new-password', 'short')
        browser.click("#create-account input[value='ADMINISTRATOR']")
        browser.clickAndLoad('#create')

        then: 'a clear reason, what was typed kept, nobody created'
        browser.text('#error').contains('12文字以上')
        browser.attribute('#new-username', 'value') == 'kanri.yamada'
        !browser.exists("tr[data-username='kanri.yamada']")

        when:
        browser.type('#new-password', 'my-kanri.yamada-pass')
        browser.click("#create-account input[value='ADMINISTRATOR']")
        browser.clickAndLoad('#create')

        then: 'the user ID inside the password is refused too'
        browser.text('#error').contains('ユーザーIDを含めないで')
        !browser.exists("tr[data-username='kanri.yamada']")

        when:
        browser.type('#new-password', 'Sakura-no-hana-2026')
        browser.click("#create-account input[value='ADMINISTRATOR']")
        browser.clickAndLoad('#create')

        then:
        browser.text("tr[data-username='kanri.yamada'] .second-factor") == '未登録'

        when: 'the new administrator logs in for the first time'
        browser.deleteCookies()
        browserLogin('kanri.yamada', 'Sakura-no-hana-2026')

        then: 'the enrolment QR code is shown; it holds an otpauth URI with the secret'
        browser.exists('#enrol-qr')
        def uri = decodeQr(browser.attribute('#enrol-qr', 'src'))
        uri.startsWith('otpauth://totp/')
        def secret = (uri =~ /secret=([A-Z2-7]+)/)[0][1]
        browser.text('#enrol-secret').replace(' ', '') == secret

        when: 'the first code from the app confirms it'
        browser.type('#password', 'Sakura-no-hana-2026')
        browser.type('#code', TotpOneTimePasswords.codeAt(secret, Instant.now()))
        browser.clickAndLoad('#login')

        then:
        browser.currentPath() == '/admin/staff'
        browser.text("tr[data-username='kanri.yamada'] .second-factor") == '登録済み'
        trail("action = 'ADMINISTRATION'").any { it.contains('二要素認証の登録: kanri.yamada') }
        trail("action = 'ADMINISTRATION'").any { it.contains('職員の登録: kanri.yamada') }
    }

    def "ログアウトは記録され、ログインの画面に戻る"() {
        when:
        browser.clickAndLoad('#logout')

        then:
        browser.currentPath() == '/staff/login'
        browser.text('#notice').contains('ログアウトしました')
        trail("action = 'LOGOUT'").any { it.contains('kanri.yamada') }

        when: 'the pages need a login again'
        browser.go(app.url('/admin/staff'))

        then:
        browser.currentPath() == '/staff/login'
    }

    def "CSRF: トークンのない送信・他人のトークンでの送信は拒否され、何も変わらない"() {
        given:
        def clerk = StaffLogin.overHttp(http, app, 'clerk')
        def other = StaffLogin.overHttp(http, app, 'clerk')
        def before = trail("action = 'ADMINISTRATION'").size()

        expect: 'no token'
        post('/staff/receptions/1/hearing', clerk.cookies(), 'version=0').statusCode() == 403
        post('/staff/receptions/1/hearing', clerk.cookies(), 'version=0').body().contains('操作を受け付けられませんでした')

        and: "another browser's token"
        post('/staff/receptions/1/hearing', clerk.cookies(), "version=0&_csrf=${other.csrfToken()}").statusCode() == 403

        and: 'the right token passes the check (and reaches the reception, which does not exist)'
        post('/staff/receptions/1/hearing', clerk.cookies(), "version=0&_csrf=${clerk.csrfToken()}").statusCode() != 403

        and: 'the kiosk and the login form are protected too'
        post('/kiosk/receptions', '', 'visit=x&procedure=RESIDENT_CERTIFICATE').statusCode() == 403
        post('/staff/login', '', 'username=clerk&password=' + RunningMadoguchi.DEMO_PASSWORD).statusCode() == 403

        and: 'an administrative change without a token changes nothing'
        def admin = StaffLogin.overHttp(http, app, 'admin')
        post('/admin/staff/roles', admin.cookies(), 'name=EVIL&label=x&permissions=AUDIT').statusCode() == 403
        trail("action = 'ADMINISTRATION'").size() == before
        app.bean(Jdbi).withHandle { h -> h.createQuery("SELECT count(*) FROM staff_role WHERE name = 'EVIL'").mapTo(Integer).one() } == 0
    }

    def "セキュリティヘッダー: CSP・フレーム禁止・nosniff・他サイトへリファラなし、個人情報の画面は no-store"() {
        given:
        def clerk = StaffLogin.overHttp(http, app, 'clerk')

        when:
        def pages = ['/staff/login', '/kiosk', '/staff/residents', '/staff'].collect { get(it, clerk.cookies()) }
        def asset = get('/staff/assets/staff.css', '')

        then:
        pages.every { it.statusCode() == 200 }
        pages.every { r ->
            def csp = r.headers().firstValue('Content-Security-Policy').orElse('')
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") &&
                    !csp.contains('unsafe-inline') && !csp.contains('*')
        }
        pages.every { it.headers().firstValue('X-Content-Type-Options').orElse('') == 'nosniff' }
        pages.every { it.headers().firstValue('X-Frame-Options').orElse('') == 'DENY' }
        pages.every { it.headers().firstValue('Referrer-Policy').orElse('') == 'same-origin' }
        pages.every { it.headers().firstValue('Cache-Control').orElse('') == 'no-store' }
        asset.headers().firstValue('Cache-Control').orElse('').contains('max-age')

        and: 'the login and CSRF cookies are HttpOnly and SameSite=Strict'
        def login = get('/staff/login', '')
        login.headers().allValues('set-cookie').find { it.startsWith('MADOGUCHI_CSRF=') }.contains('HTTPOnly') ||
                login.headers().allValues('set-cookie').find { it.startsWith('MADOGUCHI_CSRF=') }.toLowerCase().contains('httponly')
        login.headers().allValues('set-cookie').find { it.startsWith('MADOGUCHI_CSRF=') }.contains('SameSite=Strict')

        and: 'no page has inline script or style the policy would block'
        pages.every { r -> !(r.body() =~ /<script>|<style|\sstyle="|\son[a-z]+="/) }
    }

    private String browserLogin(String user, String password) {
        browser.go(app.url('/staff/login'))
        browser.type('#username', user)
        browser.type('#password', password)
        browser.clickAndLoad('#login')
        browser.exists('#error') ? browser.text('#error') : ''
    }

    private static String rightCode() {
        TotpOneTimePasswords.codeAt(StaffLogin.DEMO_SECOND_FACTOR_SECRET, Instant.now())
    }

    private List<String> trail(String where) {
        app.bean(Jdbi).withHandle { h ->
            h.createQuery("SELECT action || ' ' || actor_id || ' ' || detail FROM audit_entry WHERE " + where + " ORDER BY seq")
                    .mapTo(String).list()
        }
    }

    def "CSRF: ログイン前のトークンはログインで新しくなり、ログイン後の送信には使えない"() {
        given: 'the login page gives a browser value and its token'
        def page = get('/staff/login', '')
        def before = StaffLogin.cookie(page, 'MADOGUCHI_CSRF')
        def token = StaffLogin.token(page.body())

        when: 'the member logs in with them'
        def login = post('/staff/login', "MADOGUCHI_CSRF=${before}",
                "_csrf=${URLEncoder.encode(token, 'UTF-8')}&username=clerk&password=" + RunningMadoguchi.DEMO_PASSWORD)
        def after = StaffLogin.cookie(login, 'MADOGUCHI_CSRF')
        def cookies = "JWT=${StaffLogin.cookie(login, 'JWT')}; MADOGUCHI_CSRF=${after}"

        then: 'a new browser value comes with the login'
        login.statusCode() == 303
        after != before

        and: 'the token from before the login no longer passes; the one the next page gives does'
        post('/staff/receptions/1/hearing', cookies, "version=0&_csrf=${URLEncoder.encode(token, 'UTF-8')}").statusCode() == 403
        post('/staff/receptions/1/hearing', cookies, "version=0&_csrf=${URLEncoder.encode(StaffLogin.token(get('/staff', cookies).body()), 'UTF-8')}").statusCode() != 403
    }

    private HttpResponse<String> post(String path, String cookies, String form) {
        def request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header('Content-Type', 'application/x-www-form-urlencoded')
        if (cookies) {
            request.header('Cookie', cookies)
        }
        http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
    }

    private HttpResponse<String> get(String path, String cookies) {
        def request = HttpRequest.newBuilder(URI.create(app.url(path)))
        if (cookies) {
            request.header('Cookie', cookies)
        }
        http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString())
    }

    private static String decodeQr(String dataUri) {
        GeneratedCodes.read(dataUri)
    }
}
