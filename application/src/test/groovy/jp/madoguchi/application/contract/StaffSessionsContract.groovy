package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.StaffSessions
import jp.madoguchi.application.port.out.StaffSessions.StaffSession
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** What every {@link StaffSessions} promises, run against the fake and the PostgreSQL store. */
abstract class StaffSessionsContract extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Instant T0 = Instant.parse('2026-11-22T00:00:00Z')
    static int users = 0

    abstract StaffSessions sessions()

    String username = 'session-member' + (users++)

    StaffSession opened(String id) {
        def s = new StaffSession(id + '-' + username, CITY, username, T0, T0.plus(Duration.ofHours(10)), null, null)
        sessions().open(s)
        s
    }

    def "開いたセッションは寿命の間だけ有効で、読み戻せる"() {
        given:
        def s = opened('a')

        expect:
        with(sessions().find(s.id()).get()) {
            username() == this.username
            startedAt() == T0
            activeAt(T0.plusSeconds(60))
            !activeAt(T0.plus(Duration.ofHours(10)))
        }
        sessions().find('no-such-session').isEmpty()
    }

    def "一つを終えても他は残り、全部を終えると開いているものがすべて終わる。終わったものは終わったまま"() {
        given:
        def a = opened('a')
        def b = opened('b')
        def c = opened('c')

        when:
        sessions().end(a.id(), T0.plusSeconds(1), 'ログアウト')

        then:
        !sessions().find(a.id()).get().activeAt(T0.plusSeconds(2))
        sessions().find(b.id()).get().activeAt(T0.plusSeconds(2))

        when:
        def ended = sessions().endAllOf(username, T0.plusSeconds(3), 'アカウントを無効にした')

        then:
        ended == 2
        [b, c].every { !sessions().find(it.id()).get().activeAt(T0.plusSeconds(4)) }
        sessions().find(a.id()).get().endedReason() == 'ログアウト'
        sessions().find(b.id()).get().endedReason() == 'アカウントを無効にした'
    }

    def "いま使っているもの以外を終えられる"() {
        given:
        def mine = opened('mine')
        def other = opened('other')

        expect:
        sessions().endOthers(username, mine.id(), T0.plusSeconds(1), 'パスワードの変更') == 1
        sessions().find(mine.id()).get().activeAt(T0.plusSeconds(2))
        !sessions().find(other.id()).get().activeAt(T0.plusSeconds(2))
    }
}
