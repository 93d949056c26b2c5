package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.application.port.out.StaffAccounts
import jp.madoguchi.application.port.out.StaffAccounts.StaffAccount
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.Instant

/** What every {@link StaffAccounts} promises to the login and the administration, against the fake and PostgreSQL. */
abstract class StaffAccountsContract extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Instant UNTIL = Instant.parse('2026-11-22T01:15:00Z')
    static int users = 0

    abstract StaffAccounts accounts()

    String username = 'member' + (users++)

    def setup() {
        accounts().add(StaffAccount.create(CITY, username, '窓口 一郎', 'hash-1', ['CLERK'] as Set))
    }

    StaffAccount account() {
        accounts().find(username).orElseThrow()
    }

    def "ほかの人が決めたパスワードには変更の要求がつき、本人が決めると消える。どちらも版を進める"() {
        expect:
        !account().mustChangePassword()

        when:
        accounts().setPassword(username, 'hash-once', true)

        then:
        account().mustChangePassword()
        account().passwordHash() == 'hash-once'
        account().version() == 1

        when:
        accounts().setPassword(username, 'hash-chosen', false)

        then:
        !account().mustChangePassword()
        account().passwordHash() == 'hash-chosen'
        account().version() == 2
    }

    def "失敗は数えられ、しきい値でロックの期限がつく。ログインの成功で数も期限も消える"() {
        expect:
        accounts().recordFailedLogin(username, 3, UNTIL) == 1
        accounts().recordFailedLogin(username, 3, UNTIL) == 2
        account().lockedUntil() == null
        accounts().recordFailedLogin(username, 3, UNTIL) == 3
        account().lockedUntil() == UNTIL
        accounts().recordFailedLogin('nobody', 3, UNTIL) == 0

        when:
        accounts().recordLogin(username, 40)

        then:
        account().failedLogins() == 0
        account().lockedUntil() == null
        account().lastOneTimeStep() == 40
    }

    def "確認コードの時刻の段は戻らない（古いコードの再使用を防ぐ）"() {
        when:
        accounts().recordLogin(username, 50)
        accounts().recordLogin(username, 45)

        then:
        account().lastOneTimeStep() == 50
    }

    def "二要素認証は登録待ちから有効になり、再登録の指示で消える。どちらも版を進める"() {
        when:
        accounts().setPendingSecondFactor(username, 'SECRET-A')

        then:
        account().pendingSecondFactorSecret() == 'SECRET-A'
        account().secondFactorSecret() == null

        when:
        int before = account().version()
        accounts().activateSecondFactor(username, 7)

        then:
        account().secondFactorSecret() == 'SECRET-A'
        account().pendingSecondFactorSecret() == null
        account().lastOneTimeStep() == 7
        account().version() == before + 1

        when:
        accounts().resetSecondFactor(username)

        then:
        account().secondFactorSecret() == null
        account().version() == before + 2
    }

    def "変更は読んだ版を名指しし、古い版からの変更は断る。パスワードの変更とロック解除も版を進める"() {
        when:
        accounts().update(username, '窓口 一郎', ['CLERK', 'SUPERVISOR'] as Set, true, 0)

        then:
        account().roles() == ['CLERK', 'SUPERVISOR'] as Set
        account().version() == 1

        when:
        accounts().update(username, '窓口 一郎', ['CLERK'] as Set, false, 0)

        then:
        thrown(ConcurrentUpdateException)
        account().enabled()

        when:
        accounts().replacePasswordHash(username, 'hash-2')
        accounts().unlock(username)

        then:
        account().passwordHash() == 'hash-2'
        account().version() == 3
    }

    def "市ごとの一覧に入り、ほかの市の一覧には入らない"() {
        expect:
        accounts().list(CITY)*.username().contains(username)
        !accounts().list(LocalGovernmentCode.fromFiveDigits('99998'))*.username().contains(username)
    }

    def "有効期間（開始日・終了日）を記録し、版を進める。両端の日を含む"() {
        expect: 'no limit at first'
        account().validFrom() == null && account().validUntil() == null
        account().validOn(java.time.LocalDate.of(2000, 1, 1))

        when:
        accounts().setValidity(username, java.time.LocalDate.of(2027, 4, 1), java.time.LocalDate.of(2028, 3, 31))

        then:
        account().validFrom() == java.time.LocalDate.of(2027, 4, 1)
        account().validUntil() == java.time.LocalDate.of(2028, 3, 31)
        account().version() == 1
        !account().validOn(java.time.LocalDate.of(2027, 3, 31))
        account().validOn(java.time.LocalDate.of(2027, 4, 1))
        account().validOn(java.time.LocalDate.of(2028, 3, 31))
        !account().validOn(java.time.LocalDate.of(2028, 4, 1))

        when: 'an account added with its period'
        def other = username + 'x'
        accounts().add(new StaffAccount(CITY, other, '異動 次郎', 'hash-2', ['CLERK'] as Set, true, 0, null, null, null, 0, 0, true,
                null, java.time.LocalDate.of(2027, 3, 31)))

        then:
        accounts().find(other).get().validUntil() == java.time.LocalDate.of(2027, 3, 31)
        accounts().find(other).get().mustChangePassword()
    }
}
