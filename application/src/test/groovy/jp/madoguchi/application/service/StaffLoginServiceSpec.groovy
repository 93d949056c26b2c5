package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.DirectTransactions
import jp.madoguchi.application.fakes.InMemoryStaffAccounts
import jp.madoguchi.application.fakes.InMemoryStaffRoles
import jp.madoguchi.application.fakes.PlainPasswordHashes
import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.fakes.SteppedOneTimePasswords
import jp.madoguchi.application.fakes.TextTwoDimensionalCodes
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase.LoginAttempt
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase.LoginOutcome
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase.RegisterStaffCommand
import jp.madoguchi.application.port.out.StaffRoles.StaffRole
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.staff.Permission
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId

/** 職員のログイン: パスワード、管理の役割には二要素認証、続けて失敗するとロック。成功も失敗もアクセス記録に残る。 */
class StaffLoginServiceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final String PASSWORD = 'correct horse battery'

    Instant now = Instant.parse('2026-11-22T00:00:00Z')
    Clock clock = new Clock() {
        ZoneId getZone() { ZoneId.of('Asia/Tokyo') }
        Clock withZone(ZoneId zone) { this }
        Instant instant() { now }
    }
    def accounts = new InMemoryStaffAccounts()
    def roles = new InMemoryStaffRoles()
    def hashes = new PlainPasswordHashes()
    def codes = new SteppedOneTimePasswords()
    def trail = new RecordingAuditTrail()
    def sessions = new jp.madoguchi.application.fakes.InMemoryStaffSessions()
    def admin = new StaffAdministrationService(accounts, roles, hashes, trail, new DirectTransactions(), sessions, clock)
    def login = new StaffLoginService(accounts, roles, hashes, codes, new TextTwoDimensionalCodes(), trail,
            new jp.madoguchi.application.fakes.DirectTransactions(), sessions, clock, CITY,
            new LoginPolicy(3, Duration.ofMinutes(15), false, '書かない窓口 みらい市'))

    def setup() {
        roles.save(new StaffRole(CITY, 'CLERK', '窓口', [Permission.RECEPTION, Permission.RESIDENT_SEARCH] as Set, ''))
        roles.save(new StaffRole(CITY, 'HOKEN_CLERK', '保険年金課', [Permission.RECEPTION] as Set, 'HOKEN'))
        roles.save(new StaffRole(CITY, 'ADMINISTRATOR', '管理', [Permission.ACCOUNTS] as Set, ''))
        admin.registerIfAbsent(new RegisterStaffCommand(CITY, 'clerk', '窓口 一郎', PASSWORD, ['CLERK'] as Set))
        admin.registerIfAbsent(new RegisterStaffCommand(CITY, 'hoken', '保険 二郎', PASSWORD, ['HOKEN_CLERK'] as Set))
        admin.registerIfAbsent(new RegisterStaffCommand(CITY, 'admin', '管理 次郎', PASSWORD, ['ADMINISTRATOR'] as Set, 'ADMINSECRET'))
    }

    def "窓口の職員はパスワードでログインし、権限と担当課を持つ"() {
        when:
        def outcome = login.logIn(new LoginAttempt('hoken', PASSWORD, '', 'PC-3'))

        then:
        outcome instanceof LoginOutcome.LoggedIn
        with((outcome as LoginOutcome.LoggedIn).member()) {
            permissions() == [Permission.RECEPTION] as Set
            departments() == ['HOKEN'] as Set
        }
        trail.of(AuditAction.LOGIN)*.terminal() == ['PC-3']
    }

    def "管理の役割はパスワードのあと確認コードを求め、正しいコードで入れる。同じコードは二度使えない"() {
        expect:
        login.logIn(new LoginAttempt('admin', PASSWORD, '', '')) instanceof LoginOutcome.SecondFactorRequired

        when:
        def code = codes.currentCode('ADMINSECRET', now)
        def first = login.logIn(new LoginAttempt('admin', PASSWORD, code, ''))
        def replay = login.logIn(new LoginAttempt('admin', PASSWORD, code, ''))

        then:
        first instanceof LoginOutcome.LoggedIn
        replay instanceof LoginOutcome.SecondFactorRequired
        (replay as LoginOutcome.SecondFactorRequired).message().startsWith('確認コードが違います')
    }

    def "二要素認証がまだの管理者には登録のQRを出し、最初の正しいコードで登録が済む"() {
        given:
        admin.registerIfAbsent(new RegisterStaffCommand(CITY, 'newadmin', '新任 管理', PASSWORD, ['ADMINISTRATOR'] as Set))

        when:
        def enrolment = login.logIn(new LoginAttempt('newadmin', PASSWORD, '', '')) as LoginOutcome.SecondFactorEnrolment
        def done = login.logIn(new LoginAttempt('newadmin', PASSWORD, codes.currentCode(enrolment.secret(), now), ''))

        then:
        enrolment.provisioningUri().contains('secret=' + enrolment.secret())
        new TextTwoDimensionalCodes().decode(enrolment.qrPng()).get() == enrolment.provisioningUri()
        done instanceof LoginOutcome.LoggedIn
        accounts.find('newadmin').get().secondFactorSecret() == enrolment.secret()
        trail.of(AuditAction.ADMINISTRATION)*.detail() == ['二要素認証の登録: newadmin']
    }

    def "最初の管理者は一時パスワードで入り、二要素認証の登録と同時に自分のパスワードに変える。一時パスワードはもう使えない"() {
        given: 'a fresh installation'
        def city = new LocalGovernmentCode('132012')
        def once = admin.registerFirstAdministrator(city, 'chief', '情報 政策', jp.madoguchi.domain.shared.Operator.system('setup'))

        expect: 'a readable one-time password, and no second first administrator'
        once ==~ /[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}/
        accounts.find('chief').get().mustChangePassword()

        when: 'the password alone'
        def first = login.logIn(new LoginAttempt('chief', once, '', ''))

        then: 'the page asks for the new password first; the authenticator is set up on the next page'
        first instanceof LoginOutcome.PasswordChangeRequired
        !(first as LoginOutcome.PasswordChangeRequired).askCode()

        when: 'a weak new password, then the one-time password again'
        def weak = login.logIn(new LoginAttempt('chief', once, '', '', 'short'))
        def same = login.logIn(new LoginAttempt('chief', once, '', '', once))

        then:
        (weak as LoginOutcome.PasswordChangeRequired).message().contains('12文字以上')
        (same as LoginOutcome.PasswordChangeRequired).message().contains('発行されたパスワードと違うもの')

        when: 'a good new password: the second factor is enrolled in the same step'
        def enrolment = login.logIn(new LoginAttempt('chief', once, '', '', 'my own long passphrase')) as LoginOutcome.SecondFactorEnrolment
        def done = login.logIn(new LoginAttempt('chief', once, codes.currentCode(enrolment.secret(), now), '', 'my own long passphrase'))

        then:
        enrolment.changePassword()
        done instanceof LoginOutcome.LoggedIn
        !accounts.find('chief').get().mustChangePassword()
        trail.of(AuditAction.ADMINISTRATION)*.detail().containsAll(['最初の管理者の登録: chief（一時パスワード、初回ログインで変更）',
                                                                   'パスワードの変更（初回ログイン）: chief'])

        and: 'the one-time password is gone'
        login.logIn(new LoginAttempt('chief', once, '', '')) instanceof LoginOutcome.Refused

        when:
        admin.registerFirstAdministrator(city, 'second', '二人 目', jp.madoguchi.domain.shared.Operator.system('setup'))

        then:
        def refused = thrown(jp.madoguchi.domain.shared.Rejection)
        refused.key() == 'staff.first-administrator-exists'
    }

    String loggedIn(String username) {
        (login.logIn(new LoginAttempt(username, PASSWORD, '', 'PC-1')) as LoginOutcome.LoggedIn).sessionId()
    }

    def "ログインはセッションを開き、ログアウトで終わる。終わったセッションでは続けられない"() {
        when:
        def session = loggedIn('clerk')

        then:
        login.active(session)
        login.resume(session).get().username() == 'clerk'

        when:
        login.loggedOut(CITY, 'clerk', 'PC-1', session)

        then:
        !login.active(session)
        login.resume(session).isEmpty()
        sessions.find(session).get().endedReason() == 'ログアウト'
        trail.of(AuditAction.LOGOUT).size() == 1
    }

    def "管理者が無効にする・役割を変える・パスワードや二要素認証をやり直させると、その職員のセッションはすべて終わる"() {
        given:
        def ADMIN = jp.madoguchi.domain.shared.Operator.staff('admin', '管理 次郎')
        def disabled = loggedIn('clerk')
        def moved = loggedIn('hoken')
        def other = loggedIn('hoken')

        when:
        admin.updateAccount(new jp.madoguchi.application.port.in.ManageStaffUseCase.UpdateAccountCommand(CITY, 'clerk', '窓口 一郎',
                ['CLERK'] as Set, false, accounts.find('clerk').get().version(), ADMIN))
        admin.updateAccount(new jp.madoguchi.application.port.in.ManageStaffUseCase.UpdateAccountCommand(CITY, 'hoken', '保険 二郎',
                ['CLERK'] as Set, true, accounts.find('hoken').get().version(), ADMIN))

        then:
        !login.active(disabled)
        !login.active(moved) && !login.active(other)
        sessions.find(disabled).get().endedReason() == 'アカウントを無効にした'
        sessions.find(moved).get().endedReason() == '役割の変更'

        when:
        def again = loggedIn('hoken')
        admin.resetPassword(CITY, 'hoken', 'a brand new passphrase', ADMIN)

        then:
        !login.active(again)

        when:
        def afterReset = (login.logIn(new LoginAttempt('hoken', 'a brand new passphrase', '', ''))
                as LoginOutcome.LoggedIn).sessionId()
        admin.resetSecondFactor(CITY, 'hoken', ADMIN)

        then:
        !login.active(afterReset)
    }

    def "セッションには最長の寿命（既定10時間）があり、使い続けていても過ぎれば終わる"() {
        given:
        def session = loggedIn('clerk')

        when:
        now = now.plus(Duration.ofHours(10)).minusSeconds(1)

        then:
        login.active(session)

        when:
        now = now.plusSeconds(1)

        then:
        !login.active(session)
        login.resume(session).isEmpty()
    }

    def "職員は自分のパスワードを変えられ、ほかのログインは終わり、いまのログインは続く"() {
        given:
        def here = loggedIn('clerk')
        def elsewhere = loggedIn('clerk')
        def change = { String current, String chosen ->
            login.changePassword(new jp.madoguchi.application.port.in.AuthenticateStaffUseCase.ChangePasswordCommand(
                    CITY, 'clerk', current, chosen, 'PC-1', here))
        }

        when:
        change('wrong', 'another long passphrase')

        then:
        def wrong = thrown(jp.madoguchi.domain.shared.Rejection)
        wrong.key() == 'staff.current-password-wrong'

        when:
        change(PASSWORD, 'short')

        then:
        thrown(jp.madoguchi.domain.shared.Rejection)
        login.active(elsewhere)

        when:
        change(PASSWORD, 'another long passphrase')

        then:
        login.active(here)
        !login.active(elsewhere)
        login.logIn(new LoginAttempt('clerk', 'another long passphrase', '', '')) instanceof LoginOutcome.LoggedIn
        trail.of(AuditAction.ADMINISTRATION)*.detail().last() == 'パスワードの変更（本人）: clerk、ほかのログイン 1 件を終了'
    }

    def "続けるときは役割と権限・担当課を読み直す"() {
        given:
        def session = loggedIn('hoken')

        when: 'the role 保険年金課 gets the resident search as well'
        roles.save(new StaffRole(CITY, 'HOKEN_CLERK', '保険年金課', [Permission.RECEPTION, Permission.RESIDENT_SEARCH] as Set, 'HOKEN'))

        then:
        login.resume(session).get().permissions() == [Permission.RECEPTION, Permission.RESIDENT_SEARCH] as Set
        login.resume(session).get().departments() == ['HOKEN'] as Set
    }

    def "パスワードを続けて間違えると3回目でロックされ、正しいパスワードでも入れない。時間が過ぎれば入れる"() {
        when:
        def outcomes = (1..3).collect { login.logIn(new LoginAttempt('clerk', 'wrong', '', '')) }
        def whileLocked = login.logIn(new LoginAttempt('clerk', PASSWORD, '', ''))

        then:
        outcomes.every { it instanceof LoginOutcome.Refused }
        whileLocked instanceof LoginOutcome.Refused
        trail.of(AuditAction.LOGIN_FAILED)*.detail() == ['ログイン失敗（パスワードの誤り、1回目）', 'ログイン失敗（パスワードの誤り、2回目）',
                                                        'ログイン失敗（パスワードの誤り、3回目でロック）', 'ログイン失敗（ロック中）']

        and: 'the page says the same to every refusal: nobody learns from it that the name exists or is locked'
        def unknown = login.logIn(new LoginAttempt('nobody', 'wrong', '', '')) as LoginOutcome.Refused
        (outcomes + [whileLocked])*.message().unique() == [unknown.message()]
        unknown.message().contains('使えなくなります')

        when:
        now = now.plus(Duration.ofMinutes(16))

        then:
        login.logIn(new LoginAttempt('clerk', PASSWORD, '', '')) instanceof LoginOutcome.LoggedIn
    }

    def "ない利用者名と空欄は同じ言葉で断り、入力した利用者名だけを記録する（パスワードは記録しない）"() {
        when:
        def unknown = login.logIn(new LoginAttempt('nobody', 'secret-typed', '', '')) as LoginOutcome.Refused
        def wrong = login.logIn(new LoginAttempt('clerk', 'secret-typed', '', '')) as LoginOutcome.Refused
        def empty = login.logIn(new LoginAttempt('', '', '', '')) as LoginOutcome.Refused

        then:
        wrong.message() == unknown.message()
        empty.message() == 'ユーザーIDとパスワードを入力してください。'
        trail.entries.every { !it.detail().contains('secret-typed') && !it.actor().id().contains('secret-typed') }
        trail.of(AuditAction.LOGIN_FAILED)*.actor()*.id() == ['nobody', 'clerk', '（空欄）']
    }

    def "古い形式のパスワードハッシュはログインのときに新しい形式に書き換える"() {
        given:
        accounts.replacePasswordHash('clerk', 'v1:' + PASSWORD.reverse())

        when:
        login.logIn(new LoginAttempt('clerk', PASSWORD, '', ''))

        then:
        accounts.find('clerk').get().passwordHash() == hashes.hash(PASSWORD)
    }

    def "有効期間の外ではパスワードが正しくても入れず、期間の最後の日を越えるログインはない（人事異動）"() {
        given: 'it is 2026-11-22 09:00 in Tokyo'
        accounts.setValidity('clerk', null, java.time.LocalDate.of(2026, 11, 21))
        accounts.setValidity('hoken', java.time.LocalDate.of(2026, 11, 23), null)

        expect:
        def ended = login.logIn(new LoginAttempt('clerk', PASSWORD, '', 'PC-1'))
        ended instanceof LoginOutcome.Refused
        ended.message().contains('2026-11-21 で終わりました')
        def early = login.logIn(new LoginAttempt('hoken', PASSWORD, '', 'PC-3'))
        early instanceof LoginOutcome.Refused
        early.message().contains('2026-11-23 から使えます')
        trail.of(AuditAction.LOGIN_FAILED)*.detail().any { it.contains('有効期間の終了後') }

        and: 'a wrong password still gets the words everyone gets'
        (login.logIn(new LoginAttempt('clerk', 'wrong password here', '', 'PC-1')) as LoginOutcome.Refused).message() ==
                (login.logIn(new LoginAttempt('nobody', 'wrong password here', '', 'PC-1')) as LoginOutcome.Refused).message()

        when: 'the last day is today: the login holds only until midnight, not for the full 10 hours'
        accounts.setValidity('clerk', null, java.time.LocalDate.of(2026, 11, 22))
        now = Instant.parse('2026-11-22T10:00:00Z')   // 19:00 in Tokyo
        def in = login.logIn(new LoginAttempt('clerk', PASSWORD, '', 'PC-1')) as LoginOutcome.LoggedIn

        then:
        sessions.find(in.sessionId()).get().expiresAt() == Instant.parse('2026-11-22T15:00:00Z')

        when: 'the next day the renewal finds the period over'
        now = Instant.parse('2026-11-22T15:30:00Z')

        then:
        login.resume(in.sessionId()).isEmpty()
    }
}
