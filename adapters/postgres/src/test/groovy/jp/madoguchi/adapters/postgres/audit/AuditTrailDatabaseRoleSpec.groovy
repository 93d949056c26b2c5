package jp.madoguchi.adapters.postgres.audit

import jp.madoguchi.adapters.security.crypto.HmacCheckpointSeal
import jp.madoguchi.adapters.postgres.ManagedDatabase
import jp.madoguchi.adapters.postgres.ManagedDatabase.Login
import jp.madoguchi.adapters.postgres.testing.TestDatabase
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.audit.AuditEntry
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.Jdbi
import org.jdbi.v3.core.statement.UnableToExecuteStatementException
import org.jdbi.v3.postgres.PostgresPlugin
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant

/**
 * The system's own database role may read the access history and append to it, nothing more: no UPDATE, DELETE
 * or TRUNCATE, and, not being the table's owner, it cannot switch the trigger off either. Its operational tables
 * it owns (a FULL import swaps partitions).
 */
class AuditTrailDatabaseRoleSpec extends Specification {

    @Shared @AutoCleanup ManagedDatabase database = ManagedDatabase.external(TestDatabase.freshDatabaseUrl(),
            new Login('postgres', ''), new Login('madoguchi_app', ''), 2)
    @Shared Jdbi app = Jdbi.create(database.dataSource()).installPlugin(new PostgresPlugin())
    @Shared JdbiAuditTrail trail = new JdbiAuditTrail(app, new HmacCheckpointSeal(new byte[32]))

    def setupSpec() {
        3.times {
            trail.append(new AuditEntry(Instant.now(), new LocalGovernmentCode('999997'), Operator.staff('clerk', '窓口 一郎'),
                    'COUNTER-01', AuditAction.VIEW_RESIDENT, ['0000000011'], '', '住民記録を表示'))
        }
    }

    def cleanupSpec() {
        trail?.close()
    }

    def "システムはアプリ用のロールで接続している"() {
        expect:
        app.withHandle { it.createQuery('SELECT current_user').mapTo(String).one() } == 'madoguchi_app'
    }

    def "アプリ用のロールでは記録の変更・削除・全消去・トリガーの停止ができない"() {
        when:
        app.useHandle { it.execute(statement) }

        then:
        def e = thrown(UnableToExecuteStatementException)
        e.message.contains(refusal)

        where:
        statement                                                   | refusal
        "UPDATE audit_entry SET actor_id = 'someone' WHERE seq = 1" | 'permission denied'
        'DELETE FROM audit_entry WHERE seq = 1'                     | 'permission denied'
        'TRUNCATE audit_entry'                                      | 'permission denied'
        'ALTER TABLE audit_entry DISABLE TRIGGER USER'              | 'must be owner'
        'DELETE FROM audit_checkpoint'                              | 'permission denied'
        'DROP TABLE audit_entry'                                    | 'must be owner'
    }

    def "アプリ用のロールでも追記・検証・チェックポイントはできる"() {
        expect:
        trail.checkpoint(Instant.now()).get().seq() == 3
        trail.verify().intact()
        trail.verify().entries() == 3
    }

    def "業務のテーブルはアプリ用のロールが所有する（全件取込で区画を入れ替えるため）"() {
        expect:
        app.withHandle {
            it.createQuery("""SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('resident', 'reception', 'staff_account')
                              AND tableowner = 'madoguchi_app'""").mapTo(Integer).one()
        } == 3
        app.withHandle { it.createQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entry'").mapTo(String).one() } == 'postgres'
    }
}
