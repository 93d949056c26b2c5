package jp.madoguchi.acceptance.security

import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.ManageStaffUseCase
import jp.madoguchi.application.port.out.StaffAccounts
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient

/**
 * ログインの取り消し: 二台のサーバーが一つのデータベースを使う。片方でのログアウト、アカウントの無効化、役割の変更、
 * パスワードの再設定は、もう片方に届いているログインもその場で終わらせる。ログインには最長の寿命もある。
 */
class StaffSessionsAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Operator ADMIN = Operator.staff('admin', '管理 次郎')

    /** Remembering a session's state is off, so the second server sees an end at its next request. */
    @Shared @AutoCleanup RunningMadoguchi first = RunningMadoguchi.start(['madoguchi.security.session-check': '0s'])
    @Shared @AutoCleanup RunningMadoguchi second = RunningMadoguchi.start(['madoguchi.security.session-check': '0s',
            'madoguchi.database.url': first.databaseUrl(), 'madoguchi.data-dir': first.dataDir().toString()])
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()

    /** The answer of {@code server} to the member's queue page: 200 while the login holds, else where it sends them. */
    String queue(RunningMadoguchi server, StaffLogin.Session session) {
        def answer = KioskRegistration.get(http, server, '/staff', session)
        answer.statusCode() == 200 ? '200' : answer.headers().firstValue('Location').orElse(answer.statusCode().toString())
    }

    def "一台目でのログアウトで、二台目に届くログインも終わる"() {
        given:
        def clerk = StaffLogin.overHttp(http, first, 'clerk')

        expect: 'the login works on both servers'
        queue(first, clerk) == '200'
        queue(second, clerk) == '200'

        when:
        KioskRegistration.post(http, first, '/logout', clerk, '')

        then: 'a copy of the cookie is useless everywhere'
        queue(second, clerk).startsWith('/staff/login?notice=')
        queue(first, clerk).startsWith('/staff/login?notice=')
    }

    def "管理者がアカウントを無効にすると、二台目でのログインもその場で終わる"() {
        given:
        def supervisor = StaffLogin.overHttp(http, second, 'supervisor')
        def page = KioskRegistration.get(http, second, '/staff/statistics', supervisor)

        expect:
        page.statusCode() == 200

        when:
        def account = first.bean(StaffAccounts).find('supervisor').get()
        first.bean(ManageStaffUseCase).updateAccount(new ManageStaffUseCase.UpdateAccountCommand(CITY, 'supervisor',
                account.displayName(), account.roles(), false, account.version(), ADMIN))

        then:
        KioskRegistration.get(http, second, '/staff/statistics', supervisor).headers().firstValue('Location').get()
                .startsWith('/staff/login?notice=')
    }

    def "役割を変えるとそのログインは終わり、パスワードの再設定でも終わる"() {
        given:
        def member = StaffLogin.overHttp(http, first, 'mynumber')

        expect:
        queue(second, member) == '200'

        when:
        def account = first.bean(StaffAccounts).find('mynumber').get()
        second.bean(ManageStaffUseCase).updateAccount(new ManageStaffUseCase.UpdateAccountCommand(CITY, 'mynumber',
                account.displayName(), ['CLERK'] as Set, true, account.version(), ADMIN))

        then:
        queue(first, member).startsWith('/staff/login?notice=')

        when: 'logged in again, then the password is reset'
        def again = StaffLogin.overHttp(http, first, 'mynumber')
        assert queue(second, again) == '200'
        second.bean(ManageStaffUseCase).resetPassword(CITY, 'mynumber', RunningMadoguchi.DEMO_PASSWORD, ADMIN)

        then:
        queue(first, again).startsWith('/staff/login?notice=')
    }

    def "職員が自分でパスワードを変えると、ほかのログインは終わり、変えた画面のログインは続く"() {
        given: 'the same member logged in at two counters, one on each server'
        def here = StaffLogin.overHttp(http, first, 'clerk')
        def there = StaffLogin.overHttp(http, second, 'clerk')

        when: 'a wrong current password'
        def wrong = KioskRegistration.post(http, first, '/staff/password', here,
                'currentPassword=wrong&newPassword=clerk-chooses-this-one&newPasswordAgain=clerk-chooses-this-one')

        then:
        wrong.statusCode() == 400
        wrong.body().contains('いまのパスワードが違います')
        queue(second, there) == '200'

        when:
        def changed = KioskRegistration.post(http, first, '/staff/password', here, 'currentPassword='
                + URLEncoder.encode(RunningMadoguchi.DEMO_PASSWORD, 'UTF-8') + '&newPassword=my-chosen-passphrase-7&newPasswordAgain=my-chosen-passphrase-7')

        then:
        changed.statusCode() == 303
        queue(first, here) == '200'
        queue(second, there).startsWith('/staff/login?notice=')
    }

    def "ログインには最長の寿命があり、使い続けていても過ぎれば終わる"() {
        given: 'a server where a login lasts three seconds at most'
        def brief = RunningMadoguchi.start(['madoguchi.security.session-lifetime': '3s', 'madoguchi.security.session-check': '0s'])
        def clerk = StaffLogin.overHttp(http, brief, 'clerk')

        expect:
        queue(brief, clerk) == '200'

        when:
        Thread.sleep(3_500)

        then:
        queue(brief, clerk).startsWith('/staff/login?notice=')

        cleanup:
        brief?.close()
    }
}
