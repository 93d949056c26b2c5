package jp.madoguchi.adapters.postgres

import org.jdbi.v3.core.Jdbi
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

class EmbeddedDatabaseSpec extends Specification {

    @TempDir
    Path dataDir

    def "組み込み PostgreSQL はデータフォルダを残し、再起動してもデータを失わない"() {
        given:
        def first = ManagedDatabase.embedded(dataDir.resolve('postgres'), 2)
        Jdbi.create(first.dataSource()).useHandle { h ->
            h.execute("INSERT INTO reception_counter (city_code, day, last_serial) VALUES ('999997', '2026-11-22', 41)")
        }

        when: 'the system stops and starts again on the same folder'
        first.close()
        def second = ManagedDatabase.embedded(dataDir.resolve('postgres'), 2)

        then: 'the row is still there and the migrations did not run twice'
        second.isEmbedded()
        Jdbi.create(second.dataSource()).withHandle { h ->
            h.createQuery("SELECT last_serial FROM reception_counter WHERE city_code = '999997'").mapTo(Integer).one()
        } == 41
        Jdbi.create(second.dataSource()).withHandle { h ->
            h.createQuery("SELECT count(*) || '/' || count(DISTINCT version) FROM flyway_schema_history WHERE success").mapTo(String).one()
        } == "${migrations()}/${migrations()}"

        cleanup:
        second?.close()
    }

    def "組み込み PostgreSQL は完了した書き込みをディスクに確定してから返す（テスト用ライブラリの既定の非同期コミットではない）"() {
        given:
        def database = ManagedDatabase.embedded(dataDir.resolve('durable'), 2)

        expect:
        Jdbi.create(database.dataSource()).withHandle { h ->
            ['synchronous_commit', 'fsync', 'full_page_writes'].collect { h.createQuery("SHOW ${it}").mapTo(String).one() }
        } == ['on', 'on', 'on']

        cleanup:
        database?.close()
    }

    def "組み込み PostgreSQL のログインはすべてパスワード（SCRAM）で、パスワードと展開したプログラムは所有者だけが読める"() {
        given:
        def database = ManagedDatabase.embedded(dataDir.resolve('postgres'), 2)
        def port = Jdbi.create(database.dataSource()).withHandle { h -> h.createQuery('SHOW port').mapTo(Integer).one() }

        def owner = Jdbi.create("jdbc:postgresql://localhost:${port}/postgres", 'postgres',
                Files.readString(dataDir.resolve('secrets/db-owner-password')).strip())

        expect: 'the authentication rules in force (the system role may not even read them)'
        owner.withHandle { h ->
            h.createQuery('SELECT DISTINCT auth_method FROM pg_hba_file_rules WHERE error IS NULL').mapTo(String).list()
        } == ['scram-sha-256']
        owner.withHandle { h ->
            h.createQuery("SELECT rolname || ':' || left(rolpassword, 13) FROM pg_authid WHERE rolname IN ('postgres', 'madoguchi_app') ORDER BY 1")
                    .mapTo(String).list()
        } == ['madoguchi_app:SCRAM-SHA-256', 'postgres:SCRAM-SHA-256']

        and: 'a login without the password is refused, with it accepted'
        !connects(port, 'postgres', '')
        !connects(port, 'madoguchi_app', 'guessed')
        connects(port, 'madoguchi_app', Files.readString(dataDir.resolve('secrets/db-app-password')).strip())

        and: 'owner-only files and folders inside the installation'
        ['secrets', 'pgbin'].collect { mode(dataDir.resolve(it)) } == ['rwx------', 'rwx------']
        ['db-owner-password', 'db-app-password'].every { mode(dataDir.resolve('secrets').resolve(it)) == 'rw-------' }
        Files.list(dataDir.resolve('pgbin')).withCloseable { it.count() } > 0

        cleanup:
        database?.close()
    }

    def "強制終了（kill -9）したコマンドが起動した組み込み PostgreSQL は、次の起動で停止されて起動し直す（残り続けない）"() {
        given: 'a command starts the embedded server in its own JVM and is killed with SIGKILL'
        def folder = dataDir.resolve('postgres')
        def command = new ProcessBuilder(ProcessHandle.current().info().command().get(), '-cp',
                System.getProperty('java.class.path'), EmbeddedServerThenSleep.name, folder.toString())
                .redirectErrorStream(true).start()
        def output = new BufferedReader(new InputStreamReader(command.inputStream))
        String line
        while ((line = output.readLine()) != null && line != 'started') { }
        command.destroyForcibly().waitFor()
        long orphan = postmaster(folder)

        expect: 'its PostgreSQL outlived it'
        line == 'started'
        ProcessHandle.of(orphan).map { it.alive }.orElse(false)

        when: 'the next command starts on the same folder'
        def next = ManagedDatabase.embedded(folder, 1)
        long restarted = postmaster(folder)

        then: 'the orphan was stopped and a server of its own runs instead'
        restarted != orphan
        !ProcessHandle.of(orphan).map { it.alive }.orElse(false)
        Jdbi.create(next.dataSource()).withHandle { h -> h.createQuery('SELECT 1').mapTo(Integer).one() } == 1

        when: 'that command ends'
        next.close()

        then: 'nothing is left running and the owner note is gone'
        !ProcessHandle.of(restarted).map { it.alive }.orElse(false)
        !Files.exists(dataDir.resolve('postgres.owner'))
    }

    def "起動元が動いている組み込み PostgreSQL は止めずに使う（サーバーの横で動くコマンド）"() {
        given:
        def folder = dataDir.resolve('postgres')
        def server = ManagedDatabase.embedded(folder, 1)
        long running = postmaster(folder)

        when: 'a command starts next to the running server'
        def command = ManagedDatabase.embedded(folder, 1)

        then: 'it connects to the same server, which keeps running when the command ends'
        !command.isEmbedded()
        postmaster(folder) == running
        command.close()
        ProcessHandle.of(running).map { it.alive }.orElse(false)

        cleanup:
        server?.close()
    }

    static long postmaster(Path folder) {
        Files.readAllLines(folder.resolve('postmaster.pid'))[0].strip() as long
    }

    static boolean connects(int port, String user, String password) {
        def properties = new Properties()
        properties.user = user
        properties.password = password
        try {
            java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:${port}/postgres", properties).close()
            return true
        } catch (java.sql.SQLException refused) {
            return false
        }
    }

    static String mode(Path path) {
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path))
    }

    /** How many versioned migrations production ships. */
    static int migrations() {
        new File(ManagedDatabase.getResource('/db/migration').toURI()).list().count { it ==~ /V\d+__.*\.sql/ }
    }
}
