package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryStaffAccounts
import jp.madoguchi.application.fakes.InMemoryStaffRoles
import jp.madoguchi.application.fakes.PlainPasswordHashes
import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.port.in.ManageStaffUseCase.CreateAccountCommand
import jp.madoguchi.application.port.in.ManageStaffUseCase.SaveRoleCommand
import jp.madoguchi.application.port.in.ManageStaffUseCase.UpdateAccountCommand
import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.shared.Rejection
import jp.madoguchi.domain.staff.Permission
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.time.ZoneId

/** 職員と役割の管理: 登録・変更・ロック解除・役割。どの変更もアクセス記録に残り、ほかの市の職員には触れない。 */
class StaffAdministrationServiceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final LocalGovernmentCode OTHER = LocalGovernmentCode.fromFiveDigits('99998')
    static final Operator ADMIN = Operator.staff('admin', '管理 次郎')
    static final String PASSWORD = 'correct horse battery'

    def accounts = new InMemoryStaffAccounts()
    def roles = new InMemoryStaffRoles()
    def trail = new RecordingAuditTrail()
    def sessions = new jp.madoguchi.application.fakes.InMemoryStaffSessions()
    def service = new StaffAdministrationService(accounts, roles, new PlainPasswordHashes(), trail, new jp.madoguchi.application.fakes.DirectTransactions(),
            sessions, Clock.fixed(Instant.parse('2026-11-22T00:00:00Z'), ZoneId.of('Asia/Tokyo')))

    def setup() {
        service.ensureDefaultRoles(CITY)
    }

    def "既定の役割がそろい、職員を登録すると記録に役割つきで残る（パスワードは残らない）"() {
        when:
        service.createAccount(new CreateAccountCommand(CITY, 'tanaka', '田中 三郎', PASSWORD, ['CLERK'] as Set, ADMIN))

        then:
        service.roles(CITY)*.name().containsAll(['CLERK', 'ADMINISTRATOR'])
        service.accounts(CITY)*.username() == ['tanaka']
        trail.of(AuditAction.ADMINISTRATION)*.detail() == ['職員の登録: tanaka（役割 CLERK）']
        !trail.entries*.detail().any { it.contains(PASSWORD) }
    }

    def "使われているID・ない役割・短いパスワードの登録は理由を言って断る"() {
        given:
        service.createAccount(new CreateAccountCommand(CITY, 'tanaka', '田中 三郎', PASSWORD, ['CLERK'] as Set, ADMIN))

        when:
        service.createAccount(new CreateAccountCommand(CITY, 'tanaka', '別の 田中', PASSWORD, ['CLERK'] as Set, ADMIN))

        then:
        def refused1 = thrown(Rejection)
        refused1.key() == 'staff.username-taken'

        when:
        service.createAccount(new CreateAccountCommand(CITY, 'suzuki', '鈴木', PASSWORD, ['NO_ROLE'] as Set, ADMIN))

        then:
        def refused2 = thrown(Rejection)
        refused2.key() == 'staff.role-not-found'

        when:
        new CreateAccountCommand(CITY, 'suzuki', '鈴木', 'short', ['CLERK'] as Set, ADMIN)

        then:
        thrown(Rejection)
    }

    def "自分を無効にはできず、古い版からの変更は上書きしない"() {
        given:
        service.createAccount(new CreateAccountCommand(CITY, 'admin', '管理 次郎', PASSWORD, ['ADMINISTRATOR'] as Set, ADMIN))
        service.createAccount(new CreateAccountCommand(CITY, 'tanaka', '田中 三郎', PASSWORD, ['CLERK'] as Set, ADMIN))

        when:
        service.updateAccount(new UpdateAccountCommand(CITY, 'admin', '管理 次郎', ['ADMINISTRATOR'] as Set, false, 0, ADMIN))

        then:
        def refused3 = thrown(Rejection)
        refused3.key() == 'staff.cannot-disable-self'

        when:
        service.updateAccount(new UpdateAccountCommand(CITY, 'tanaka', '田中 三郎', ['SUPERVISOR'] as Set, true, 0, ADMIN))
        service.updateAccount(new UpdateAccountCommand(CITY, 'tanaka', '田中 三郎', ['CLERK'] as Set, false, 0, ADMIN))

        then:
        thrown(ConcurrentUpdateException)
        accounts.find('tanaka').get().roles() == ['SUPERVISOR'] as Set
    }

    def "担当課つきの役割を作れる。担当課の書き方が違えば断る"() {
        when:
        service.saveRole(new SaveRoleCommand(CITY, 'KOKUHO_CLERK', '国保の窓口', [Permission.RECEPTION] as Set, 'HOKEN', ADMIN))

        then:
        roles.find(CITY, 'KOKUHO_CLERK').get().department() == 'HOKEN'
        trail.entries.last().detail() == '役割の追加: KOKUHO_CLERK（RECEPTION） 担当課 HOKEN'

        when:
        service.saveRole(new SaveRoleCommand(CITY, 'BAD_ROLE', '誤り', [Permission.RECEPTION] as Set, 'hoken ka', ADMIN))

        then:
        def refused4 = thrown(Rejection)
        refused4.key() == 'staff.department-invalid'
    }

    def "ほかの市の職員のロック解除や再設定はできない"() {
        given:
        service.ensureDefaultRoles(OTHER)
        service.createAccount(new CreateAccountCommand(OTHER, 'other', '他市 職員', PASSWORD, ['CLERK'] as Set, ADMIN))

        when:
        service.unlock(CITY, 'other', ADMIN)

        then:
        def refused5 = thrown(Rejection)
        refused5.key() == 'staff.member-not-found'
    }
}
