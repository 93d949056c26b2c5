package jp.madoguchi.acceptance.operations

import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.LoadBalancer
import jp.madoguchi.acceptance.support.PreEntryVisits
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.acceptance.support.WebAddress
import jp.madoguchi.acceptance.support.InstallationChecks
import org.jdbi.v3.core.Jdbi
import spock.lang.Specification
import spock.lang.TempDir

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * kill -9 of the running server: the real server as its own JVM on an installation with the embedded PostgreSQL, killed
 * at a named place while it serves (a visit step in its transaction, an access-history group commit, an export file
 * half-written). The request in flight gets no answer; after a restart nothing that was answered is lost, nothing is
 * half done or half written, the access history verifies, and the step can be done again.
 */
class ServerKillNineAcceptanceSpec extends Specification {

    @TempDir Path installation
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    Process server
    int port = LoadBalancer.freePort()
    WebAddress app = { String path -> "http://localhost:${port}${path}".toString() } as WebAddress

    def cleanup() {
        stop()
    }

    def "申請書の印刷の途中（記録の確定前）で強制終了すると、受付は印刷前のまま残り、再起動後に印刷し直せる"() {
        given: 'a visit taken up and confirmed'
        start(null)
        def clerk = login()
        def number = openVisit()
        step(clerk, number, 'hearing')
        identify(clerk, number)
        step(clerk, number, 'confirm')
        stop()

        when: 'the server is killed while the print step writes its records'
        start('visit.print.before-commit')
        clerk = login()
        def answer = attempt { step(clerk, number, 'print') }

        then: 'the clerk got no answer: the step did not happen'
        answer == null
        server.waitFor(30, TimeUnit.SECONDS) && server.exitValue() == 137

        when:
        start(null)
        clerk = login()

        then: 'the visit is as it was before the step, nothing of it on the timeline'
        state(clerk, number) == '確認'
        !page(clerk, number).contains('申請書を印刷（')

        and: 'the step can be done now'
        step(clerk, number, 'print').statusCode() == 303
        state(clerk, number) == '印刷'
        page(clerk, number).contains('申請書を印刷（')

        when:
        stop()

        then:
        InstallationChecks.auditIntact(installation)
        InstallationChecks.processesOf(installation).isEmpty()
    }

    def "アクセス記録の一括書き込みの直前・確定直後に強制終了しても、記録の鎖は切れず、再起動後も続けて記録される"() {
        given: 'an installation in use'
        start(null)
        login()
        stop()

        when: 'the server is killed at the group commit of the access history while a clerk searches residents'
        start(point)
        def clerk = login()

        then: 'the search, which may not go ahead unrecorded, is not answered'
        attempt { search(clerk) } == null
        server.waitFor(30, TimeUnit.SECONDS) && server.exitValue() == 137

        when: 'restarted, the same search is recorded and answered'
        start(null)
        clerk = login()

        then:
        search(clerk).statusCode() == 200

        when:
        stop()

        then: 'the chain verifies; the killed search is in it only if its group had committed'
        InstallationChecks.auditIntact(installation)
        InstallationChecks.withDatabase(installation) { Jdbi jdbi ->
            assert jdbi.withHandle { it.createQuery("SELECT count(*) FROM audit_entry WHERE action = 'SEARCH_RESIDENTS'").mapTo(Long).one() } == searches
        }
        InstallationChecks.processesOf(installation).isEmpty()

        where:
        point                      | searches
        'audit.group.before-write' | 1
        'audit.group.after-commit' | 2
    }

    def "連携フォルダへのCSVの書き込みの途中で強制終了しても、書きかけのCSVは見えず、再起動後に一度だけ完全なものが届く"() {
        given: 'a visit completed while the delivery job will be killed mid-write'
        start('export.rpa.mid-write')
        def clerk = login()
        def number = openVisit()
        step(clerk, number, 'hearing')
        identify(clerk, number)
        ['confirm', 'print', 'complete'].each { assert step(clerk, number, it).statusCode() == 303 }

        expect: 'the delivery job dies half-way through the file'
        server.waitFor(60, TimeUnit.SECONDS) && server.exitValue() == 137
        def rpa = installation.resolve('exports/rpa')
        csvFiles(rpa).isEmpty()

        when:
        start(null)
        def file = rpa.resolve("CERTIFICATE_REQUEST_999997-${number}-RESIDENT_CERTIFICATE.csv")
        for (int i = 0; i < 300 && !Files.exists(file); i++) {
            Thread.sleep(100)
        }

        then: 'one complete file: a header and the one row of this visit'
        csvFiles(rpa) == [file]
        def lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\uFEFF', '').split('\r\n')
        lines.length == 2
        lines[1].contains(number)

        when:
        stop()

        then:
        InstallationChecks.auditIntact(installation)
        InstallationChecks.processesOf(installation).isEmpty()
    }

    /**
     * The clerk's login; on a fresh installation the demo's accounts appear a moment after the server answers
     * (they are loaded once it has started), so a refused login is tried again for a while.
     */
    private StaffLogin.Session login() {
        for (int i = 0; ; i++) {
            try {
                return StaffLogin.overHttp(http, app, 'clerk')
            } catch (IllegalStateException notYet) {
                if (i >= 120) {
                    throw notYet
                }
                Thread.sleep(500)
            }
        }
    }

    /** A visit opened at the demo kiosk (this PC) from a pre-entry code. */
    private String openVisit() {
        PreEntryVisits.receptionNumber(PreEntryVisits.scan(http, app, KioskRegistration.anonymous(http, app), 'RESIDENT_CERTIFICATE'))
    }

    private HttpResponse<String> search(StaffLogin.Session clerk) {
        KioskRegistration.post(http, app, '/staff/residents', clerk, 'kana=%E3%82%A2&match=prefix')
    }

    /** 本人確認 of a pre-entry visit (no card): the clerk names a resident found by a search. */
    private void identify(StaffLogin.Session clerk, String number) {
        def resident = (search(clerk).body() =~ /href="\/staff\/residents\/(\d+)"/).with { it.find() ? it.group(1) : null }
        def version = (page(clerk, number) =~ /name="version" value="(\d+)"/).with { it.find() ? it.group(1) : null }
        assert KioskRegistration.post(http, app, "/staff/receptions/${number}/identity", clerk,
                "version=${version}&addresseeNumber=${resident}").statusCode() == 303
    }

    private HttpResponse<String> step(StaffLogin.Session clerk, String number, String step) {
        def version = (page(clerk, number) =~ /name="version" value="(\d+)"/).with { it.find() ? it.group(1) : null }
        KioskRegistration.post(http, app, "/staff/receptions/${number}/${step}", clerk, "version=${version}")
    }

    private String page(StaffLogin.Session clerk, String number) {
        def answer = KioskRegistration.get(http, app, "/staff/receptions/${number}", clerk)
        assert answer.statusCode() == 200
        answer.body()
    }

    private String state(StaffLogin.Session clerk, String number) {
        (page(clerk, number) =~ /id="state"[^>]*>([^<]+)</).with { it.find() ? it.group(1) : null }
    }

    /** The request's answer, or null when the server died under it. */
    private static <T> T attempt(Closure<T> request) {
        try {
            request()
        } catch (UncheckedIOException | IllegalStateException ignored) {
            null
        }
    }

    /** Starts {@code ./madoguchi run} (the demo on the embedded PostgreSQL) on the installation, armed at {@code failpoint}. */
    private void start(String failpoint) {
        def java = ProcessHandle.current().info().command().get()
        def line = [java, '-XX:TieredStopAtLevel=1', '-Dfile.encoding=UTF-8', '-Djava.awt.headless=true',
                    "-Dmadoguchi.demo.password=${RunningMadoguchi.DEMO_PASSWORD}".toString(),
                    '-Dmadoguchi.demo.residents=300', '-Dmadoguchi.linkage.warm-up-rows=0',
                    // no card reader here: the kiosk visits come from pre-entry codes
                    '-Dmadoguchi.terminal-agent.embedded=false']
        if (failpoint) {
            line << "-Dmadoguchi.failpoint=${failpoint}".toString()
        }
        line += ['-cp', System.getProperty('java.class.path'), 'jp.madoguchi.staff.MadoguchiApplication', 'run']
        def builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(installation.resolve('server.log').toFile()))
        builder.environment().putAll([MADOGUCHI_DATA_DIR: installation.toString(), MADOGUCHI_PORT: String.valueOf(port)])
        server = builder.start()
        long deadline = System.nanoTime() + 180_000_000_000L
        while (System.nanoTime() < deadline) {
            if (!server.alive) {
                throw new IllegalStateException("サーバーが起動しませんでした: ${Files.readString(installation.resolve('server.log')).takeRight(3000)}")
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(app.url('/ops/health/ready'))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250)
        }
        throw new IllegalStateException('サーバーが 180 秒で受け付けを始めませんでした')
    }

    /** Stops the server as systemctl stop does (SIGTERM), if it still runs. */
    private void stop() {
        if (server?.alive) {
            server.destroy()
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor()
            }
        }
    }

    /** The files a back-office robot would pick up: *.csv, not the hidden one being written. */
    private static List<Path> csvFiles(Path folder) {
        if (!Files.exists(folder)) {
            return []
        }
        Files.list(folder).withCloseable { s -> s.filter { it.fileName.toString().endsWith('.csv') }.toList() }
    }
}
