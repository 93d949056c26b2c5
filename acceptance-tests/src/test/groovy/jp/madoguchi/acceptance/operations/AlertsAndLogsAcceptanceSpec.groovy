package jp.madoguchi.acceptance.operations

import com.fasterxml.jackson.databind.ObjectMapper
import com.sun.net.httpserver.HttpServer
import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import org.slf4j.LoggerFactory
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.util.concurrent.CopyOnWriteArrayList

/**
 * 警報とログ: an error the server logs reaches the city's webhook once (repeats counted, not resent), is listed on
 * 稼働状況 with the checks, and is in the day's log file as a JSON line.
 */
@Stepwise
class AlertsAndLogsAcceptanceSpec extends Specification {

    @Shared List<String> posted = new CopyOnWriteArrayList<>()
    @Shared HttpServer webhook = startWebhook()
    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start([
            'madoguchi.alerts.webhook-url': "http://127.0.0.1:${webhook.address.port}/hooks/madoguchi".toString(),
            'madoguchi.logs.format'       : 'json'])
    @Shared @AutoCleanup Browser browser = Browser.open()

    static final String FAILURE = '前方連携の取込に失敗しました（次回に再試行します）: 連携フォルダを読めません'

    def cleanupSpec() {
        webhook?.stop(0)
    }

    def "サーバーがエラーを記録すると、市の通知先に一度だけ届き、繰り返しは回数として数える"() {
        when: 'a scheduled job logs the same failure three times'
        def log = LoggerFactory.getLogger('jp.madoguchi.staff.jobs.LinkagePolling')
        3.times { log.error(FAILURE) }

        then:
        waitFor { posted.size() >= 1 }
        Thread.sleep(500)
        posted.size() == 1
        def body = new ObjectMapper().readValue(posted[0], Map)
        body.text == "【書かない窓口 みらい市】${FAILURE}".toString()
        body.source == 'jp.madoguchi.staff.jobs.LinkagePolling'
    }

    def "稼働状況の画面に確認の結果と警報（回数・通知の結果）が出る"() {
        given:
        StaffLogin.inBrowser(browser, app, 'admin')

        when:
        browser.go(app.url('/admin/operations'))

        then:
        browser.text('#readiness') == 'このサーバーは受付できる状態です。'
        browser.text("#checks tr[data-check='database'] .outcome") == '正常'
        browser.text("#checks tr[data-check='disk'] .outcome") == '正常'
        def row = browser.texts('#alerts tbody tr:first-child td')
        row[2] == '3'
        row[4] == FAILURE
        row[5] == '通知済み'
        browser.screenshot('71-admin-稼働状況')
    }

    def "ログは日ごとのファイルに JSON 行で残る"() {
        when:
        def file = app.dataDir().resolve('logs').resolve('madoguchi.log')
        def lines = Files.readAllLines(file, StandardCharsets.UTF_8).findAll { it.contains(FAILURE) }

        then:
        lines.size() == 3
        def entry = new ObjectMapper().readValue(lines[0], Map)
        entry.level == 'ERROR'
        entry.loggerName == 'jp.madoguchi.staff.jobs.LinkagePolling'
        entry.message == FAILURE
    }

    private HttpServer startWebhook() {
        def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        server.createContext('/hooks/madoguchi') { exchange ->
            posted << new String(exchange.requestBody.readAllBytes(), StandardCharsets.UTF_8)
            exchange.sendResponseHeaders(204, -1)
            exchange.close()
        }
        server.start()
        server
    }

    private static void waitFor(Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 10_000
        while (!condition() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50)
        }
    }
}
