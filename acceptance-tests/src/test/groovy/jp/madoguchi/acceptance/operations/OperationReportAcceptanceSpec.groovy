package jp.madoguchi.acceptance.operations

import java.net.http.HttpClient
import java.time.LocalDate
import java.time.ZoneId

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.Pdfs
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import org.jdbi.v3.core.Jdbi
import spock.lang.Shared
import spock.lang.Specification

/**
 * 稼働報告: the running server marks the minutes it serves; the administrator reads the day's logins (their own
 * among them), failed logins and errors on the page, and the same in the CSV and the printed report.
 */
class OperationReportAcceptanceSpec extends Specification {

    @Shared RunningMadoguchi app = RunningMadoguchi.start()
    @Shared Browser browser = Browser.open()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()

    def cleanupSpec() {
        browser?.close()
        app?.close()
    }

    def "管理者: 今日のログインと失敗、稼働の記録、CSVと印刷用PDF"() {
        given: 'a failed login, then the administrator logs in'
        def today = LocalDate.now(ZoneId.of('Asia/Tokyo'))
        KioskRegistration.post(http, app, '/staff/login', KioskRegistration.anonymous(http, app),
                'username=clerk&password=wrong-password')
        StaffLogin.inBrowser(browser, app, 'admin')
        def jdbi = app.bean(Jdbi)

        expect: 'the server has marked the minute it serves in'
        waitUntil { jdbi.withHandle { it.createQuery('SELECT count(*) FROM service_heartbeat').mapTo(Long).one() } > 0 }

        when:
        browser.go(app.url("/admin/operations/report?period=day&day=${today}"))

        then:
        browser.text('#period-label').contains("${today.year}年${today.monthValue}月${today.dayOfMonth}日")
        browser.text("#days tr[data-day='${today}'] .logins").toInteger() >= 1
        browser.text("#days tr[data-day='${today}'] .failed").toInteger() >= 1
        browser.text('#availability') ==~ /(\d+\.\d\d%|—)/
        browser.screenshot('operations-稼働報告')

        when:
        def admin = StaffLogin.overHttp(http, app, 'admin')
        def csv = KioskRegistration.get(http, app, "/admin/operations/report/days.csv?period=day&day=${today}", admin)
        def pdf = KioskRegistration.getBytes(http, app, "/admin/operations/report/report.pdf?period=day&day=${today}", admin)
        def text = Pdfs.text(pdf.body()).replaceAll(/[\s\u3000]+/, '')

        then:
        csv.body().replace('\uFEFF', '').readLines()[0] == '日付,ログイン,ログイン失敗,エラー,開庁時間（分）,稼働（分）'
        csv.body().readLines().any { it.startsWith("${today},") }
        text.contains('みらい市稼働報告')
        text.contains('ログイン失敗')
        text.contains('目標99.5%')
    }

    private static boolean waitUntil(Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 20_000
        while (System.currentTimeMillis() < deadline) {
            if (condition()) {
                return true
            }
            Thread.sleep(250)
        }
        false
    }
}
