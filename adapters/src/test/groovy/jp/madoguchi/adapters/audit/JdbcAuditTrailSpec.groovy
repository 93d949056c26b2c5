package jp.madoguchi.adapters.audit

import jp.madoguchi.adapters.persistence.DatabaseSpecification
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.audit.AuditEntry
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.statement.UnableToExecuteStatementException

import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.Executors

/** アクセス記録: 追記のみで、変更・削除・並べ替えはハッシュの鎖で見つかり、最初に壊れた記録の番号が分かる。 */
class JdbcAuditTrailSpec extends DatabaseSpecification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    JdbcAuditTrail trail

    def setup() {
        jdbi.useHandle { h ->
            h.execute('ALTER TABLE audit_entry DISABLE TRIGGER USER')
            h.execute('DELETE FROM audit_entry')
            h.execute('ALTER TABLE audit_entry ENABLE TRIGGER USER')
            h.execute("UPDATE audit_head SET seq = 0, hash = '\\x0000000000000000000000000000000000000000000000000000000000000000'")
        }
        trail = new JdbcAuditTrail(jdbi)
        (1..10).each { i ->
            trail.append(new AuditEntry(Instant.parse('2026-11-22T00:00:00.123456789Z').plusSeconds(i), CITY,
                    Operator.staff('clerk', '窓口 一郎'), 'COUNTER-0' + (i % 3), AuditAction.VIEW_RESIDENT,
                    ['00000000' + (10 + i)], '受付 20261122-000' + i, '住民記録を表示'))
        }
    }

    def cleanup() {
        trail?.close()
    }

    def "手を加えていない記録は検証を通る"() {
        when:
        def result = trail.verify()

        then:
        result.intact()
        result.entries() == 10
    }

    def "記録はデータベースでも更新・削除・全消去できない"() {
        when:
        jdbi.useHandle { it.execute(statement) }

        then:
        def e = thrown(UnableToExecuteStatementException)
        e.message.contains('アクセス記録は変更・削除できません')

        where:
        statement << ["UPDATE audit_entry SET actor_id = 'someone' WHERE seq = 3", 'DELETE FROM audit_entry WHERE seq = 3',
                      'TRUNCATE audit_entry']
    }

    def "トリガーを外して内容を書き換えても、その記録の番号で見つかる"() {
        when:
        tamper("UPDATE audit_entry SET residents = ARRAY['0000000099'] WHERE seq = 4")
        def result = trail.verify()

        then:
        !result.intact()
        result.firstBroken() == 4
        result.finding().contains('第4番の記録の内容が変更されています')
    }

    def "途中の記録を消すと、消えた番号が分かる"() {
        when:
        tamper('DELETE FROM audit_entry WHERE seq IN (6, 7)')
        def result = trail.verify()

        then:
        result.firstBroken() == 6
        result.finding().contains('第6番〜第7番の記録が削除されています')
    }

    def "末尾の記録を消しても、台帳の先頭と合わないので分かる"() {
        when:
        tamper('DELETE FROM audit_entry WHERE seq = 10')
        def result = trail.verify()

        then:
        result.firstBroken() == 10
        result.finding().contains('第10番以降の記録が削除されています')
    }

    def "二つの記録の順番を入れ替えると、つながらない最初の記録が分かる"() {
        when: 'entries 5 and 8 swap their numbers'
        tamper('UPDATE audit_entry SET seq = -5 WHERE seq = 5')
        tamper('UPDATE audit_entry SET seq = 5 WHERE seq = 8')
        tamper('UPDATE audit_entry SET seq = 8 WHERE seq = -5')
        def result = trail.verify()

        then:
        result.firstBroken() == 5
        result.finding().contains('並べ替え')
    }

    def "同時に追記しても、番号に抜けも重複もない一本の鎖になる"() {
        given:
        def pool = Executors.newFixedThreadPool(4)

        when:
        pool.invokeAll((1..40).collect { i ->
            { -> trail.append(new AuditEntry(Instant.now(), CITY, Operator.kiosk('KIOSK-01'), 'KIOSK-01', AuditAction.SEARCH_RESIDENTS,
                    [], '', "検索 ${i}")) } as Callable
        })*.get()

        then:
        trail.verify().intact()
        trail.verify().entries() == 50

        cleanup:
        pool.shutdown()
    }

    private void tamper(String sql) {
        jdbi.useHandle { h ->
            h.execute('ALTER TABLE audit_entry DISABLE TRIGGER USER')
            h.execute(sql)
            h.execute('ALTER TABLE audit_entry ENABLE TRIGGER USER')
        }
    }
}
