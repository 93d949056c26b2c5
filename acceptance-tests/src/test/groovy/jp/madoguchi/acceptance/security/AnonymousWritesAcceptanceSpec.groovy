package jp.madoguchi.acceptance.security

import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * 匿名の送信: the address in the access history is the peer's unless the peer is a listed reverse proxy, and the
 * writes anyone can send without a login are limited per address (shipped: 30 at once, then 30 a minute).
 */
class AnonymousWritesAcceptanceSpec extends Specification {

    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    @AutoCleanup RunningMadoguchi app

    def "一覧にないプロキシのX-Forwarded-Forは信じず、接続元のアドレスを記録する"() {
        given: 'the shipped limits and no proxy listed'
        app = RunningMadoguchi.start(['madoguchi.security.anonymous-writes.burst': 30,
                                      'madoguchi.security.anonymous-writes.per-minute': 30])

        when:
        login('no-such-member', ['X-Forwarded-For': '203.0.113.9', 'Forwarded': 'for=198.51.100.7'])

        then:
        failedLogins() == ['127.0.0.1']
    }

    def "一覧のプロキシからは、転送の連なりの右端の（プロキシでない）アドレスを記録する"() {
        given:
        app = RunningMadoguchi.start(['madoguchi.security.trusted-proxies': '127.0.0.1,10.0.0.5'])

        when: 'a client that puts a false address in front of the one the proxies added'
        login('no-such-member', ['X-Forwarded-For': '192.0.2.66, 203.0.113.9, 10.0.0.5'])
        login('no-such-member', ['Forwarded': 'for=192.0.2.66, for="[2001:db8::17]"'])
        login('no-such-member', [:])

        then:
        failedLogins() == ['203.0.113.9', '2001:db8:0:0:0:0:0:17', '127.0.0.1']
    }

    def "ログインせずに送れる操作は一つのアドレスから30回まで。その先は429で待つ秒数を伝え、記録も増えない"() {
        given: 'the shipped burst; a slow refill, so the thirty sends cannot earn one back while they run'
        app = RunningMadoguchi.start(['madoguchi.security.anonymous-writes.burst': 30,
                                      'madoguchi.security.anonymous-writes.per-minute': 1])

        when:
        def answers = (1..30).collect { login("guess-$it", [:]) }
        def refused = login('guess-31', [:])
        def kiosk = post('/kiosk/device', 'terminalId=KIOSK-09&token=guess', [:])

        then: 'thirty are answered (refused logins, shown on the page)'
        answers*.statusCode().every { it == 200 }
        failedLogins().size() == 30

        and: 'the 31st and any other anonymous write from the same address wait, and leave no entry'
        refused.statusCode() == 429
        refused.headers().firstValue('Retry-After').get().toInteger() in 1..60
        refused.body().contains('しばらくお待ちください')
        kiosk.statusCode() == 429
        failedLogins().size() == 30

        and: 'a page that writes nothing is still served'
        http.send(HttpRequest.newBuilder(URI.create(app.url('/staff/login'))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200
    }

    private HttpResponse<String> login(String user, Map<String, String> headers) {
        post('/staff/login', "username=${user}&password=wrong-password", headers)
    }

    String csrfCookie
    String csrfToken

    /** A form post with the CSRF cookie and token the login page gave, as a browser would send. */
    private HttpResponse<String> post(String path, String form, Map<String, String> headers) {
        if (csrfCookie == null) {
            def page = http.send(HttpRequest.newBuilder(URI.create(app.url('/staff/login'))).build(), HttpResponse.BodyHandlers.ofString())
            csrfCookie = StaffLogin.cookie(page, 'MADOGUCHI_CSRF')
            csrfToken = StaffLogin.token(page.body())
        }
        def request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header('Content-Type', 'application/x-www-form-urlencoded')
                .header('Cookie', "MADOGUCHI_CSRF=${csrfCookie}")
                .header('X-CSRF-Token', csrfToken)
        headers.each { k, v -> request.header(k, v) }
        http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
    }

    private List<String> failedLogins() {
        app.bean(Jdbi).withHandle { h ->
            h.createQuery("SELECT terminal FROM audit_entry WHERE action = 'LOGIN_FAILED' ORDER BY seq").mapTo(String).list()
        }
    }
}
