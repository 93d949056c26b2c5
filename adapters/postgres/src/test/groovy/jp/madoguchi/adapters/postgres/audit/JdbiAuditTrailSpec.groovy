package jp.madoguchi.adapters.postgres.audit

import jp.madoguchi.adapters.security.crypto.HmacCheckpointSeal
import jp.madoguchi.adapters.postgres.DatabaseSpecification
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.audit.AuditEntry
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.statement.UnableToExecuteStatementException

import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.Executors

/** アクセス記録: 追記のみで、変更・削除・並べ替えはハッシュの鎖で見つかり、最初に壊れた記録の番号が分かる。 */
class JdbiAuditTrailSpec extends DatabaseSpecification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final HmacCheckpointSeal SEAL = new HmacCheckpointSeal(new byte[32])

    JdbiAuditTrail trail

    def setup() {
        reset()
        trail = new JdbiAuditTrail(jdbi, SEAL)
        (1..10).each { i ->
            trail.append(new AuditEntry(Instant.parse('2026-11-22T00:00:00.123456789Z').plusSeconds(i), CITY,
                    Operator.staff('clerk', '窓口 一郎'), 'COUNTER-0' + (i % 3), AuditAction.VIEW_RESIDENT,
                    ['00000000' + (10 + i)], '受付 20261122-000' + i, '住民記録を表示'))
        }
    }

    private void reset() {
        jdbi.useHandle { h ->
            h.execute('ALTER TABLE audit_entry DISABLE TRIGGER USER')
            h.execute('DELETE FROM audit_entry')
            h.execute('ALTER TABLE audit_entry ENABLE TRIGGER USER')
            h.execute('ALTER TABLE audit_checkpoint DISABLE TRIGGER USER')
            h.execute('DELETE FROM audit_checkpoint')
            h.execute('ALTER TABLE audit_checkpoint ENABLE TRIGGER USER')
            h.execute("UPDATE audit_head SET seq = 0, hash = '\\x0000000000000000000000000000000000000000000000000000000000000000', pruned_seq = 0, pruned_hash = '\\x0000000000000000000000000000000000000000000000000000000000000000'")
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

    def "非BMP・IVS の文字や複数の住民、空の項目を含む記録も、そのまま検証を通る"() {
        given: 'what the appender hashed as Java strings, the verifier hashes from the bytes PostgreSQL sends'
        trail.append(new AuditEntry(Instant.parse('2026-11-22T01:02:03.000001Z'), CITY, Operator.staff('clerk', '𠮷野 葛' + new String(Character.toChars(0xE0100)) + '子'), '',
                AuditAction.SEARCH_RESIDENTS, ['0000000011', '0000000029', ''], '', '𩸽と髙と「，」;:\t\n\\'))
        trail.append(new AuditEntry(Instant.parse('1999-12-31T23:59:59.999999Z'), CITY, Operator.kiosk('KIOSK-01'), 'KIOSK-01',
                AuditAction.VIEW_RESIDENT, [], '', ''))

        expect:
        trail.verify().intact()
        trail.verify().entries() == 12

        when:
        tamper("UPDATE audit_entry SET actor_name = '𠮷野 葛子' WHERE seq = 11")

        then:
        trail.verify().finding().contains('第11番の記録の内容が変更されています')
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

    def "鎖ごと作り直しても、署名済みのチェックポイントと合わないので分かる"() {
        given: 'a checkpoint over entries 1..10, then five more entries'
        trail.checkpoint(Instant.parse('2026-11-22T01:00:00Z'))
        appendMore(5)

        when: 'someone with the owner\'s rights changes entry 4 and recomputes every hash after it'
        tamper("UPDATE audit_entry SET detail = '閲覧なし' WHERE seq = 4")
        recomputeChain()
        def result = trail.verify()

        then:
        !result.intact()
        result.firstBroken() == 1
        result.finding().contains('第1番〜第10番の記録が作り直されています')
    }

    def "チェックポイントの署名を書き換えると分かる"() {
        given:
        trail.checkpoint(Instant.now())

        when:
        jdbi.useHandle { h ->
            h.execute('ALTER TABLE audit_checkpoint DISABLE TRIGGER USER')
            h.execute("UPDATE audit_checkpoint SET signature = '\\x00'")
            h.execute('ALTER TABLE audit_checkpoint ENABLE TRIGGER USER')
        }

        then:
        trail.verify().finding().contains('第10番のチェックポイントの署名が正しくありません')
    }

    def "チェックポイントは新しい記録があるときだけ作られ、壊れた鎖には署名しない"() {
        expect:
        trail.checkpoint(Instant.now()).get().seq() == 10
        !trail.checkpoint(Instant.now()).present

        when:
        appendMore(2)
        tamper("UPDATE audit_entry SET actor_id = 'someone' WHERE seq = 11")
        trail.checkpoint(Instant.now())

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('第11番の記録の内容が変更されています')
    }

    def "保存期間を過ぎた記録はチェックポイントまでだけ削除され、残りの鎖は検証を通る"() {
        given: 'a fresh trail: four entries from 2019, a checkpoint, two more from 2019, two from today, a checkpoint'
        reset()
        4.times { appendAt(Instant.parse('2019-04-01T00:00:00Z').plusSeconds(it)) }
        trail.checkpoint(Instant.parse('2019-04-02T00:00:00Z'))
        2.times { appendAt(Instant.parse('2019-05-01T00:00:00Z').plusSeconds(it)) }
        appendMore(2)
        trail.checkpoint(Instant.now())

        when: 'everything before 2021 is past retention, but only entries 1-4 are behind a checkpoint'
        def pruning = trail.prune(Instant.parse('2021-01-01T00:00:00Z'))

        then:
        pruning.removed() == 4
        pruning.throughSeq() == 4
        jdbi.withHandle { it.createQuery('SELECT min(seq) FROM audit_entry').mapTo(Long).one() } == 5
        trail.verify().intact()
        trail.verify().entries() == 4

        and: 'pruning again removes nothing more'
        trail.prune(Instant.parse('2021-01-01T00:00:00Z')).removed() == 0
    }

    def "1年より新しい記録は、削除を頼まれても消さない"() {
        given:
        trail.checkpoint(Instant.now())

        when:
        trail.prune(Instant.now())

        then:
        def e = thrown(UnableToExecuteStatementException)
        e.message.contains('アクセス記録は1年以上保存します')
        trail.verify().entries() == 10
    }

    def "削除済みの範囲の終わりを書き換えると分かる"() {
        given:
        reset()
        3.times { appendAt(Instant.parse('2019-04-01T00:00:00Z').plusSeconds(it)) }
        trail.checkpoint(Instant.parse('2019-04-02T00:00:00Z'))
        appendMore(1)
        trail.prune(Instant.parse('2021-01-01T00:00:00Z'))

        when:
        jdbi.useHandle { it.execute('UPDATE audit_head SET pruned_seq = 2') }

        then:
        trail.verify().finding().contains('削除した範囲（第2番まで）の終わりが、署名済みのチェックポイントと一致しません')
    }

    def "何本かに分けて並行に検証しても、同じ改ざんを同じ番号で見つける: #what"() {
        given: 'fifteen entries with a checkpoint after the tenth, walked in three stretches of five'
        def parted = new JdbiAuditTrail(jdbi, SEAL, 3, 1)
        trail.checkpoint(Instant.now())
        appendMore(5)

        when:
        tampering.each { tamper(it) }
        if (recompute) {
            recomputeChain()
        }
        def single = trail.verify()
        def inParts = parted.verify()

        then:
        inParts == single
        inParts.intact() == (what == '改ざんなし')

        and: 'stretches that all fit settle it (a cut-off tail then shows against the head); anything else is walked again whole'
        parted.lastWalkedInParts == (inParts.intact() || what == '末尾の削除')

        cleanup:
        parted.close()

        where:
        what               | tampering                                                                                                  | recompute
        '改ざんなし'        | []                                                                                                         | false
        '内容の変更'        | ["UPDATE audit_entry SET detail = 'x' WHERE seq = 12"]                                                     | false
        '区切りの後の削除'  | ['DELETE FROM audit_entry WHERE seq = 6']                                                                  | false
        '区切りの前の削除'  | ['DELETE FROM audit_entry WHERE seq = 5']                                                                  | false
        '一区切りの全削除'  | ['DELETE FROM audit_entry WHERE seq BETWEEN 6 AND 10']                                                     | false
        '末尾の削除'        | ['DELETE FROM audit_entry WHERE seq = 15']                                                                 | false
        '並べ替え'          | ['UPDATE audit_entry SET seq = -5 WHERE seq = 5', 'UPDATE audit_entry SET seq = 5 WHERE seq = 8', 'UPDATE audit_entry SET seq = 8 WHERE seq = -5'] | false
        '鎖の作り直し'      | ["UPDATE audit_entry SET detail = 'x' WHERE seq = 4"]                                                      | true
    }

    private void appendAt(Instant at) {
        trail.append(new AuditEntry(at, CITY, Operator.staff('clerk', '窓口 一郎'), 'COUNTER-01', AuditAction.VIEW_RESIDENT,
                ['0000000011'], '', '古い記録'))
    }

    private void appendMore(int count) {
        count.times { i ->
            trail.append(new AuditEntry(Instant.now(), CITY, Operator.staff('clerk', '窓口 一郎'), 'COUNTER-01',
                    AuditAction.SEARCH_RESIDENTS, [], '', "追加 ${i}"))
        }
    }

    /** What an attacker with the owner's rights could do: rebuild every hash so that neighbours fit again. */
    private void recomputeChain() {
        def hasher = new ChainHasher()
        byte[] previous = new byte[32]
        jdbi.useHandle { h ->
            h.execute('ALTER TABLE audit_entry DISABLE TRIGGER USER')
            h.createQuery('SELECT * FROM audit_entry ORDER BY seq').mapToMap().list().each { row ->
                def at = h.createQuery('SELECT at FROM audit_entry WHERE seq = :seq').bind('seq', row.seq).mapTo(java.time.OffsetDateTime).one()
                def content = hasher.content(at, row.city_code, row.actor_kind, row.actor_id,
                        row.actor_name, row.terminal, row.action, (row.residents as java.sql.Array).array as List, row.purpose, row.detail)
                def hash = hasher.chain(previous, content)
                h.createUpdate('UPDATE audit_entry SET content_hash = :c, prev_hash = :p, hash = :h WHERE seq = :seq')
                        .bind('c', content).bind('p', previous).bind('h', hash).bind('seq', row.seq).execute()
                previous = hash
            }
            h.createUpdate('UPDATE audit_head SET hash = :h WHERE id = 1').bind('h', previous).execute()
            h.execute('ALTER TABLE audit_entry ENABLE TRIGGER USER')
        }
    }

    def "別のプロセス（サーバーの横で動くコマンド）が追記しても、一本の鎖のまま続く"() {
        given: 'a second writer, as ./madoguchi import next to the running server has'
        def command = new JdbiAuditTrail(jdbi, SEAL)

        when: 'they take turns'
        6.times { i ->
            (i % 2 == 0 ? trail : command).append(new AuditEntry(Instant.now(), CITY, Operator.system('cli:test'), '',
                    AuditAction.IMPORT, [], '前方連携', "取込 ${i}"))
        }

        then:
        trail.verify().intact()
        trail.verify().entries() == 16

        cleanup:
        command.close()
    }

    private void tamper(String sql) {
        jdbi.useHandle { h ->
            h.execute('ALTER TABLE audit_entry DISABLE TRIGGER USER')
            h.execute(sql)
            h.execute('ALTER TABLE audit_entry ENABLE TRIGGER USER')
        }
    }
}
