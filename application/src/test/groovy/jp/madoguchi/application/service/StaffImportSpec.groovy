package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.DirectTransactions
import jp.madoguchi.application.fakes.InMemoryStaffAccounts
import jp.madoguchi.application.fakes.InMemoryStaffRoles
import jp.madoguchi.application.fakes.InMemoryStaffSessions
import jp.madoguchi.application.fakes.PlainPasswordHashes
import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.port.in.ManageStaffUseCase.CreateAccountCommand
import jp.madoguchi.application.port.in.ManageStaffUseCase.ImportStaffCommand
import jp.madoguchi.application.port.in.ManageStaffUseCase.StaffImportRow
import jp.madoguchi.application.port.out.StaffSessions
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

/** 人事異動の一括登録: 全部か無か。新しい職員は一時パスワードで、異動する職員は役割と有効期間が変わる。 */
class StaffImportSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Operator ADMIN = Operator.staff('admin', '管理 次郎')

    def accounts = new InMemoryStaffAccounts()
    def roles = new InMemoryStaffRoles()
    def trail = new RecordingAuditTrail()
    def sessions = new InMemoryStaffSessions()
    def clock = Clock.fixed(Instant.parse('2027-03-25T00:00:00Z'), ZoneId.of('Asia/Tokyo'))
    def service = new StaffAdministrationService(accounts, roles, new PlainPasswordHashes(), trail, new DirectTransactions(),
            sessions, clock)

    def setup() {
        service.ensureDefaultRoles(CITY)
        service.createAccount(new CreateAccountCommand(CITY, 'tanaka', '田中 三郎', 'correct horse battery', ['CLERK'] as Set, ADMIN))
        sessions.open(new StaffSessions.StaffSession('s-tanaka', CITY, 'tanaka', clock.instant(), clock.instant().plusSeconds(3600), null, null))
    }

    def "新しい職員は一時パスワードと有効期間つきで加わり、異動する職員は役割と期間が変わって今のログインが終わる"() {
        when:
        def result = service.importAccounts(new ImportStaffCommand(CITY, [
                new StaffImportRow(2, 'suzuki', '鈴木 花子', 'CLERK', '2027-04-01', ''),
                new StaffImportRow(3, 'tanaka', '田中 三郎', 'SUPERVISOR・CLERK', '', '2027/3/31'),
        ], ADMIN))

        then: 'the values of each row, not one for all'
        result.applied()
        result.created()*.username() == ['suzuki']
        result.changed() == ['tanaka']
        def suzuki = accounts.find('suzuki').get()
        suzuki.roles() == ['CLERK'] as Set
        suzuki.validFrom() == LocalDate.of(2027, 4, 1) && suzuki.validUntil() == null
        suzuki.mustChangePassword()
        new jp.madoguchi.application.fakes.PlainPasswordHashes().matches(result.created()[0].oneTimePassword(), suzuki.passwordHash())
        def tanaka = accounts.find('tanaka').get()
        tanaka.roles() == ['CLERK', 'SUPERVISOR'] as Set
        tanaka.validFrom() == null && tanaka.validUntil() == LocalDate.of(2027, 3, 31)
        !tanaka.mustChangePassword()

        and: 'the changed member is logged out; the trail names both, never a password'
        sessions.find('s-tanaka').get().endedAt() != null
        trail.of(AuditAction.ADMINISTRATION).last().detail() == '職員の一括登録（人事異動）: 追加 1 名（suzuki）、変更 1 名（tanaka）'
        !trail.entries*.detail().any { it.contains(result.created()[0].oneTimePassword()) }
        !result.created()[0].toString().contains(result.created()[0].oneTimePassword())
    }

    def "一つでも誤りがあれば何も変えず、すべての誤りを行番号つきで示す"() {
        when:
        def result = service.importAccounts(new ImportStaffCommand(CITY, [
                new StaffImportRow(2, 'Bad Name', '誤り 一', 'CLERK', '', ''),
                new StaffImportRow(3, 'kato', '', 'NO_SUCH_ROLE', '2027-02-30', ''),
                new StaffImportRow(4, 'ito', '伊藤 四郎', 'CLERK', '2027-04-01', '2027-03-31'),
                new StaffImportRow(5, 'ito', '伊藤 四郎', '', '', ''),
                new StaffImportRow(6, 'goto', '後藤 五郎', 'CLERK', '', ''),
        ], ADMIN))

        then:
        !result.applied()
        result.problems().any { it.startsWith('2行目: ユーザーIDは') }
        result.problems().contains('3行目: 氏名がありません')
        result.problems().any { it.startsWith('3行目: 役割「NO_SUCH_ROLE」はありません') }
        result.problems().any { it.startsWith('3行目: 開始日「2027-02-30」は日付として読めません') }
        result.problems().contains('4行目: 終了日 2027-03-31 が開始日 2027-04-01 より前です')
        result.problems().contains('5行目: ユーザーID「ito」は 4行目と重なっています')
        result.problems().any { it.startsWith('5行目: 役割がありません') }

        and: 'not even the good row was applied'
        accounts.find('goto').isEmpty()
        result.created().isEmpty()
        trail.of(AuditAction.ADMINISTRATION).every { !it.detail().contains('一括登録') }
    }
}
