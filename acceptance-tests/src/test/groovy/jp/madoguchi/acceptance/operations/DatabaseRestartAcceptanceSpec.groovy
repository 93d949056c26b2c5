package jp.madoguchi.acceptance.operations

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.LoadBalancer
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.VerifyAuditTrailUseCase
import org.jdbi.v3.core.Jdbi
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean

/**
 * データベースの停止と再開: PostgreSQL is killed with kill -9 while clerks and kiosks work. Meanwhile every request gets
 * a clear answer (503, what to do, Retry-After), never a stack trace; once PostgreSQL is back the system serves
 * again within 10 seconds, with no acknowledged write lost and the access history verifying.
 */
class DatabaseRestartAcceptanceSpec extends Specification {

    /** One answer the load saw: when (ns), to what, the status and the start of the body. */
    record Answer(long at, String kind, int status, String body) {
    }

    def "負荷の最中にデータベースを強制終了すると分かる言葉で断り、再開すると10秒以内にまた受け付ける"() {
        given: 'a PostgreSQL of its own (durable, as in production), and Madoguchi on it'
        Path data = Files.createTempDirectory('madoguchi-restart-pg')
        int port = LoadBalancer.freePort()
        def postgres = start(data, port)
        Jdbi.create("jdbc:postgresql://localhost:${port}/postgres", 'postgres', '').useHandle {
            it.execute("CREATE DATABASE madoguchi TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
        }
        def app = RunningMadoguchi.start(['madoguchi.database.url': "jdbc:postgresql://localhost:${port}/madoguchi".toString()])
        def http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        def clerk = StaffLogin.overHttp(http, app, 'clerk')
        def kiosk = KioskRegistration.anonymous(http, app)

        and: 'two clerks reading the queue and a kiosk making pre-entry codes, continuously'
        def answers = new ConcurrentLinkedQueue<Answer>()
        def running = new AtomicBoolean(true)
        def pool = Executors.newFixedThreadPool(3)
        def load = { String kind, Closure<HttpResponse<String>> call ->
            pool.submit {
                while (running.get()) {
                    try {
                        def answer = call()
                        answers << new Answer(System.nanoTime(), kind, answer.statusCode(), answer.body().take(40000))
                    } catch (Exception e) {
                        answers << new Answer(System.nanoTime(), kind, -1, e.toString())
                    }
                    Thread.sleep(50)
                }
            }
        }
        2.times { load('queue') { KioskRegistration.get(http, app, '/staff', clerk) } }
        load('pre-entry') { KioskRegistration.post(http, app, '/kiosk/pre-entry', kiosk, 'procedure=RESIDENT_CERTIFICATE') }
        Thread.sleep(2_000)

        when: 'PostgreSQL dies (kill -9 of the postmaster), and stays down for 8 seconds'
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve('postmaster.pid')).first().trim())
        new ProcessBuilder('kill', '-9', String.valueOf(postmaster)).start().waitFor()
        long killedAt = System.nanoTime()
        Thread.sleep(8_000)
        long restartedAt = System.nanoTime()
        try {
            postgres.close() // only lets go of the data folder's lock: the server is already gone
        } catch (IOException ignored) {
            // pg_ctl stop finds no server, as expected
        }
        postgres = start(data, port)
        long backAt = System.nanoTime()
        Thread.sleep(12_000)
        running.set(false)
        pool.shutdown()
        pool.awaitTermination(30, TimeUnit.SECONDS)
        def all = answers.toList().sort { it.at }

        then: 'before: served'
        all.findAll { it.at < killedAt }.every { it.status == 200 }

        and: 'while down: every answer is a clear 503 page, none a 500 or a broken connection'
        def down = all.findAll { it.at > killedAt + 1_000_000_000L && it.at < restartedAt }
        !down.isEmpty()
        down.every { it.status == 503 && it.body.contains('データベースに接続できません') || it.body.contains('ただいま受付ができません') }

        and: 'after: serving again within 10 seconds of PostgreSQL being back, and from then on without a failure'
        def firstServed = all.find { it.at > backAt && it.status == 200 && it.kind == 'queue' }
        firstServed != null
        (firstServed.at - backAt) / 1_000_000_000 <= 10
        all.findAll { it.at > firstServed.at + 1_000_000_000L }.every { it.status == 200 }

        and: 'no pre-entry code that was handed out is missing, and the access history verifies'
        def handedOut = all.count { it.kind == 'pre-entry' && it.status == 200 && it.body.contains('id="qr"') }
        def stored = app.bean(Jdbi).withHandle { it.createQuery('SELECT count(*) FROM pre_entry').mapTo(Integer).one() }
        handedOut > 0
        stored >= handedOut
        app.bean(VerifyAuditTrailUseCase).verify().intact()

        cleanup:
        running?.set(false)
        app?.close()
        postgres?.close()
    }

    /** PostgreSQL with the production durability settings (fsync, synchronous commit, full page writes all on). */
    private static EmbeddedPostgres start(Path data, int port) {
        EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                // zonky's own defaults switch these off (fine for a throw-away test cluster, not for this test)
                .setServerConfig('fsync', 'on')
                .setServerConfig('synchronous_commit', 'on')
                .setServerConfig('full_page_writes', 'on')
                .setLocaleConfig('locale', 'C.UTF-8')
                .setLocaleConfig('encoding', 'UTF-8')
                .start()
    }
}
