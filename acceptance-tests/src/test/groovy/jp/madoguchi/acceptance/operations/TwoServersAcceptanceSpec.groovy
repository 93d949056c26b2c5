package jp.madoguchi.acceptance.operations

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.LoadBalancer
import jp.madoguchi.acceptance.support.PreEntryVisits
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.adapters.devices.terminal.TerminalAgent
import jp.madoguchi.application.port.in.VerifyAuditTrailUseCase
import jp.madoguchi.application.port.out.MyNumberCardReader
import org.jdbi.v3.core.Jdbi
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Clock
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean

/**
 * 二台のサーバー、一つのデータベース: a real HAProxy (Debian's package) sends requests round-robin to two servers.
 * A kiosk visit is served by whichever server each request reaches and finished at the counter the same way; a login
 * ended on one server is refused on the other; both append to one gapless access history; and stopping one server
 * under load loses no request: the balancer sends what it refused to the other.
 */
@Stepwise
class TwoServersAcceptanceSpec extends Specification {

    @Shared int balancerPort = LoadBalancer.freePort()
    @Shared int agentPort = LoadBalancer.freePort()
    @Shared RunningMadoguchi first = RunningMadoguchi.start([
            'madoguchi.terminal-agent.embedded': false,
            'madoguchi.terminal-agent.port'   : agentPort])
    @Shared RunningMadoguchi second = RunningMadoguchi.start([
            'madoguchi.database.url'          : first.databaseUrl(),
            'madoguchi.data-dir'              : first.dataDir().toString(),
            'madoguchi.terminal-agent.embedded': false,
            'madoguchi.terminal-agent.port'   : agentPort])
    @Shared LoadBalancer balancer = LoadBalancer.start(balancerPort, [first, second])
    /**
     * A kiosk registered as in production (behind a balancer no browser is "on the server's own PC"), with its terminal
     * agent on this PC reading the demo's simulated card.
     */
    @Shared String kioskToken = KioskRegistration.pair(http(), balancer, 'KIOSK-05', '本庁舎1階 記載台5')
    @Shared TerminalAgent agent = TerminalAgent.start(new TerminalAgent.Settings('KIOSK-05', kioskToken,
            ["http://localhost:${balancerPort}".toString()] as Set, agentPort), first.bean(MyNumberCardReader), Clock.systemUTC())
    @Shared Browser browser = Browser.open()
    @Shared HttpClient http = http()
    @Shared Jdbi jdbi = second.bean(Jdbi)
    @Shared boolean firstStopped

    static HttpClient http() {
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    }

    def cleanupSpec() {
        agent?.close()
        browser?.close()
        balancer?.close()
        second?.close()
        if (!firstStopped) {
            first?.close()
        }
    }

    def "記載台での受付から窓口での完了まで、要求ごとに別のサーバーが答えても一つの訪問として進む"() {
        given:
        def kioskRequests = { RunningMadoguchi server -> served(server, '/kiosk') }
        def staffRequests = { RunningMadoguchi server -> served(server, '/staff/receptions') }
        def before = [kioskRequests(first), kioskRequests(second), staffRequests(first), staffRequests(second)]

        when: 'the kiosk PC is registered, then the citizen: 住民票の写し, the card, the confirmation, the slip'
        browser.go(balancer.url('/kiosk/device'))
        browser.type('#terminalId', 'KIOSK-05')
        browser.type('#token', kioskToken)
        browser.clickAndLoad('#register-button')
        browser.go(balancer.url('/kiosk'))
        browser.clickAndLoad('a[data-procedure=RESIDENT_CERTIFICATE]')
        browser.click('.keypad button[data-clear]')
        '1234'.each { browser.click(".keypad button[data-digit='${it}']") }
        browser.clickAndLoad('#read-card')
        jp.madoguchi.acceptance.support.KioskQuestions.answer(browser)
        browser.clickAndLoad('#receive')
        def number = browser.text('#reception-number')

        then:
        number ==~ /\d{8}-\d{4}/

        when: 'the clerk, through the same balancer'
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, balancer, 'clerk')
        browser.go(balancer.url("/staff/receptions/${number}"))
        browser.clickAndLoad('#step-hearing')
        browser.go(balancer.url("/staff/receptions/${number}/forms"))
        browser.type('#answer-使用目的', '勤務先に提出')
        browser.clickAndLoad('#save-answers')
        browser.go(balancer.url("/staff/receptions/${number}"))
        browser.clickAndLoad('#step-confirm')
        browser.clickAndLoad('#step-print')
        browser.clickAndLoad('#step-complete')

        then: 'finished, once'
        browser.text('#state') == '完了'
        jdbi.withHandle { it.createQuery('SELECT state FROM reception WHERE number = :n').bind('n', number).mapTo(String).list() } == ['COMPLETED']

        and: 'both servers served the kiosk and the counter (each counts only what reached it)'
        kioskRequests(first) > before[0]
        kioskRequests(second) > before[1]
        staffRequests(first) > before[2]
        staffRequests(second) > before[3]
    }

    def "一台目で終えたログインは、二台目でも（確認の間隔 5 秒のうちに）拒まれる"() {
        given:
        def clerk = StaffLogin.overHttp(http, balancer, 'clerk')
        assert KioskRegistration.get(http, second, '/staff', clerk).statusCode() == 200

        when:
        KioskRegistration.post(http, first, '/logout', clerk, '')
        def ended = System.nanoTime()
        def refusedAfter = null
        while (refusedAfter == null && System.nanoTime() - ended < 10_000_000_000L) {
            def answer = KioskRegistration.get(http, second, '/staff', clerk)
            if (answer.statusCode() == 303 && answer.headers().firstValue('Location').get().startsWith('/staff/login?notice=')) {
                refusedAfter = (System.nanoTime() - ended) / 1_000_000_000
            } else {
                Thread.sleep(200)
            }
        }

        then: 'the second server remembers a session state for at most madoguchi.security.session-check (5 s)'
        refusedAfter != null
        refusedAfter <= 5.5
    }

    def "両方のサーバーが一つの途切れない操作記録に追記し、検証が通る"() {
        given:
        def seqs = jdbi.withHandle { it.createQuery('SELECT seq FROM audit_entry ORDER BY seq').mapTo(Long).list() }

        expect: 'no gap and no double in the sequence, and the chain verifies'
        seqs.size() > 10
        seqs == (seqs.first()..seqs.last()).toList()
        first.bean(VerifyAuditTrailUseCase).verify().intact()
        second.bean(VerifyAuditTrailUseCase).verify().entries() == seqs.size()
    }

    def "負荷の最中に一台を止めても、受け付けた要求はすべて答えられ、どれも失われない"() {
        given: 'four kiosks scanning pre-entry codes through the balancer, as fast as they can'
        def running = new AtomicBoolean(true)
        def opened = new ConcurrentLinkedQueue<String>()
        def failures = new ConcurrentLinkedQueue<String>()
        def resent = new java.util.concurrent.atomic.AtomicInteger()
        def pool = Executors.newFixedThreadPool(4)
        4.times {
            pool.submit {
                def kiosk = KioskRegistration.register(http, balancer, 'KIOSK-05', kioskToken)
                while (running.get()) {
                    try {
                        def answer
                        try {
                            answer = PreEntryVisits.scan(http, balancer, kiosk, 'RESIDENT_CERTIFICATE')
                        } catch (UncheckedIOException closed) {
                            // a kept-alive connection closed just as a request went out on it: no answer came, so
                            // the kiosk was told nothing; a browser sends such a request again, and so does this one
                            if (!closed.message.contains('received no bytes')) {
                                throw closed
                            }
                            resent.incrementAndGet()
                            answer = PreEntryVisits.scan(http, balancer, kiosk, 'RESIDENT_CERTIFICATE')
                        }
                        if (answer.statusCode() == 303) {
                            opened << PreEntryVisits.slipNumber(answer.headers().firstValue('Location').get())
                        } else {
                            def refusal = answer.body() =~ /id="error"[^>]*>([^<]*)</
                            failures << "${answer.statusCode()} ${refusal.find() ? refusal.group(1) : answer.body().take(200)}".toString()
                        }
                    } catch (Exception e) {
                        failures << "${e} ${e.cause ?: ''}".toString()
                    }
                }
            }
        }

        when: 'the first server is stopped (as systemctl stop does) while the kiosks keep going'
        Thread.sleep(3_000)
        def beforeStop = opened.size()
        first.close()
        firstStopped = true
        Thread.sleep(4_000)
        running.set(false)
        pool.shutdown()
        pool.awaitTermination(30, TimeUnit.SECONDS)

        then: 'every request answered (at most a few sent again after a connection closed under them), none failed'
        failures.isEmpty()
        resent.get() <= 4
        beforeStop > 0
        opened.size() > beforeStop

        and: 'every reception the kiosks were told about is in the database, once'
        def numbers = opened.toList()
        def stored = jdbi.withHandle { it.createQuery('SELECT number FROM reception WHERE number IN (<numbers>)')
                .bindList('numbers', numbers).mapTo(String).list() }
        stored.toSorted() == numbers.toSorted()

        and: 'the access history still verifies'
        second.bean(VerifyAuditTrailUseCase).verify().intact()
    }

    /** How many requests to paths under {@code prefix} this server has answered, from its own metrics. */
    private long served(RunningMadoguchi server, String prefix) {
        def text = http.send(HttpRequest.newBuilder(URI.create(server.url('/ops/metrics'))).build(),
                HttpResponse.BodyHandlers.ofString()).body()
        text.readLines().findAll { it.startsWith('http_server_requests_seconds_count{') && it.contains("uri=\"${prefix}") }
                .sum(0L) { (it.substring(it.lastIndexOf(' ') + 1) as double) as long } as long
    }
}
