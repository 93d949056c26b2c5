package jp.madoguchi.adapters.postgres

import org.jdbi.v3.core.Jdbi
import spock.lang.Specification
import spock.lang.TempDir

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

    /** How many versioned migrations production ships. */
    static int migrations() {
        new File(ManagedDatabase.getResource('/db/migration').toURI()).list().count { it ==~ /V\d+__.*\.sql/ }
    }
}
