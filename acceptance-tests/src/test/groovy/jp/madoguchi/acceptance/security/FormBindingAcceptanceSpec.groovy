package jp.madoguchi.acceptance.security

import jp.madoguchi.acceptance.support.RunningMadoguchi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/**
 * ログインの送信は、誰でも（ログインの前に）送れる。細工した項目（逆順の添字 a[1].x, a[0].x）でサーバーを止められないこと
 * (GHSA-43w5-mmxv-cpvh: Micronaut core before 4.10.16 looped without end binding such a body to a record).
 */
class FormBindingAcceptanceSpec extends Specification {

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build()

    def "逆順の添字を並べたログインの送信にも、すぐにいつもの答えを返す"() {
        given: 'the login page, as anyone can fetch it, for its CSRF cookie and token'
        def page = http.send(HttpRequest.newBuilder(URI.create(app.url('/staff/login'))).GET().build(),
                HttpResponse.BodyHandlers.ofString())
        String cookie = page.headers().allValues('Set-Cookie').collect { it.split(';')[0] }.join('; ')
        String token = (page.body() =~ /name="_csrf" value="([^"]+)"/)[0][1]
        String crafted = (0..<5).reverse().collect { "authors%5B${it}%5D.name=x" }.join('&')

        when:
        def answer = http.send(HttpRequest.newBuilder(URI.create(app.url('/staff/login')))
                .timeout(Duration.ofSeconds(10))
                .header('Content-Type', 'application/x-www-form-urlencoded')
                .header('Cookie', cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=${token}&${crafted}&username=clerk&password=wrong"))
                .build(), HttpResponse.BodyHandlers.ofString())

        then:
        answer.statusCode() == 200
        answer.body().contains('ユーザーIDまたはパスワードが違います')
    }
}
