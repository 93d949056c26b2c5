package jp.madoguchi.acceptance.operations

import com.fasterxml.jackson.databind.ObjectMapper
import jp.madoguchi.acceptance.support.RunningMadoguchi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * 稼働監視: the load balancer's liveness and readiness and the monitoring's Prometheus metrics, answered only to the
 * operations network or the operations token.
 */
class HealthAndMetricsAcceptanceSpec extends Specification {

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()

    def "この PC（運用ネットワーク）からは生存・準備完了とそれぞれの確認が読める"() {
        when:
        def live = get(app, '/ops/health/live')
        def ready = get(app, '/ops/health/ready')
        def body = json(ready.body())

        then:
        live.statusCode() == 200
        json(live.body()).status == 'UP'
        ready.statusCode() == 200
        body.status == 'UP'
        body.checks.database.ok
        body.checks.database.detail == '接続でき、移行は最新です'
        body.checks.disk.ok
        body.checks.startup.ok
        body.checks.disk.detail.startsWith('データフォルダの空き ')
        and: 'an import has run (the demo loads its residents), no checkpoint yet: a warning that does not take it out of service'
        body.checks['linkage-import'].ok
        !body.checks['audit-checkpoint'].ok
        !body.checks['audit-checkpoint'].gatesReadiness
    }

    def "メトリクスは Prometheus の形式で、経路ごとの応答時間・JVM・接続プール・システムの数値を含み、入力された値は含まない"() {
        given: 'a request to a page and a search typed into the address bar'
        get(app, '/staff/login')
        get(app, '/staff/residents?name=%E5%B1%B1%E7%94%B0')
        // a login is recorded in the access history: an append to time
        jp.madoguchi.acceptance.support.StaffLogin.overHttp(java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build(), app, 'clerk')

        when:
        def metrics = get(app, '/ops/metrics')

        then:
        metrics.statusCode() == 200
        metrics.headers().firstValue('Content-Type').get().startsWith('text/plain')
        def text = metrics.body()
        text.contains('http_server_requests_seconds_count{')
        text =~ /http_server_requests_seconds_count\{[^}]*uri="\/staff\/login"[^}]*\} [1-9]/
        text.contains('jvm_memory_used_bytes{')
        text =~ /hikaricp_connections_active\{pool="madoguchi"\}/
        text =~ /madoguchi_ready 1\.0/
        text =~ /madoguchi_check\{check="database"\} 1\.0/
        text =~ /madoguchi_handoff_outbox_depth \d/
        text =~ /madoguchi_linkage_imports\{outcome="APPLIED"\} [1-9]/
        text =~ /madoguchi_audit_append_seconds_count [1-9]/
        text =~ /madoguchi_audit_append_seconds\{quantile="0.99"\} \d/
        !text.contains('山田')
        !text.contains('%E5%B1%B1')
    }

    def "運用ネットワークの外からは、トークンがなければ何も答えない（ページがあることも示さない）"() {
        given: 'this PC is not in the operations network; a token is set'
        def outside = RunningMadoguchi.start(['madoguchi.operations.networks': '10.99.0.0/16',
                                              'madoguchi.operations.token'   : 'ops-token-for-the-monitoring-0123456789'])

        expect:
        ['/ops/health/live', '/ops/health/ready', '/ops/metrics'].every { get(outside, it).statusCode() == 404 }
        get(outside, '/ops/metrics', 'Bearer wrong-token').statusCode() == 404
        get(outside, '/ops/metrics', 'Bearer ops-token-for-the-monitoring-0123456789').statusCode() == 200
        get(outside, '/ops/health/ready', 'Bearer ops-token-for-the-monitoring-0123456789').statusCode() == 200

        cleanup:
        outside?.close()
    }

    def "データフォルダの空きが下限を割ると準備完了ではなくなり（503）、理由を示す"() {
        given:
        def full = RunningMadoguchi.start(['madoguchi.operations.minimum-free-disk': Long.MAX_VALUE])

        when:
        def ready = get(full, '/ops/health/ready')
        def body = json(ready.body())

        then:
        ready.statusCode() == 503
        body.status == 'DOWN'
        !body.checks.disk.ok
        body.checks.database.ok

        cleanup:
        full?.close()
    }

    private static Map json(String text) {
        new ObjectMapper().readValue(text, Map)
    }

    private HttpResponse<String> get(RunningMadoguchi server, String path, String authorization = null) {
        def request = HttpRequest.newBuilder(URI.create(server.url(path)))
        if (authorization) {
            request.header('Authorization', authorization)
        }
        http.send(request.build(), HttpResponse.BodyHandlers.ofString())
    }
}
