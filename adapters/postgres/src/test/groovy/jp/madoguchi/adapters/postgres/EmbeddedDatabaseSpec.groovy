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
