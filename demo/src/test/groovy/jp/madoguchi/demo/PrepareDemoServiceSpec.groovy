package jp.madoguchi.demo

import jp.madoguchi.application.fakes.InMemoryResidentRegistry
import jp.madoguchi.application.fakes.InMemoryStaffAccounts
import jp.madoguchi.application.fakes.InMemoryStaffRoles
import jp.madoguchi.application.fakes.PlainPasswordHashes
import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.ImportSummary
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase.RegisterStaffCommand
import jp.madoguchi.application.service.CounterFixture
import jp.madoguchi.application.service.StaffAdministrationService
import jp.madoguchi.demo.synthetic.SyntheticPopulation
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

/** デモの準備: 空の住民記録にだけ合成住民を入れ、デモの職員はまだいない人だけ作る。取り込めなければ始めない。 */
class PrepareDemoServiceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Population SETTINGS = new Population(CITY, '見本県', 'みらい市', 7,
            LocalDate.of(2026, 11, 1))

    @TempDir
    Path work
    def replica = new InMemoryResidentRegistry()
    def accounts = new InMemoryStaffAccounts()
    def staff = new StaffAdministrationService(accounts, new InMemoryStaffRoles(), new PlainPasswordHashes(),
            new RecordingAuditTrail(), new jp.madoguchi.application.fakes.DirectTransactions(),
            new jp.madoguchi.application.fakes.InMemoryStaffSessions(), Clock.fixed(Instant.parse('2026-11-22T00:00:00Z'), ZoneId.of('Asia/Tokyo')))
    int generated
    boolean refuse
    GenerateSyntheticResidentsUseCase generator = { command, progress ->
        generated = command.residents()
        Files.createDirectories(command.folder())
        Files.writeString(command.folder().resolve('001o005_20261101000000_FULL.csv'), 'rows')
        new GenerateSyntheticResidentsUseCase.GenerationReport(command.residents(), 1, [], java.time.Duration.ZERO)
    } as GenerateSyntheticResidentsUseCase
    ImportLinkageFilesUseCase importer = new ImportLinkageFilesUseCase() {
        ImportSummary importConfigured(LocalGovernmentCode city, ImportProgress progress, jp.madoguchi.domain.shared.Operator by) {
            throw new UnsupportedOperationException()
        }

        ImportSummary importFrom(String location, LocalGovernmentCode city, ImportProgress progress, jp.madoguchi.domain.shared.Operator by) {
            if (refuse) {
                def file = jp.madoguchi.application.port.out.LinkageFile.named('001o005_20261101000000_FULL.csv', 4, location).get()
                return new ImportSummary(location, [new ImportLinkageFilesUseCase.FileResult(file,
                        new jp.madoguchi.application.port.out.LoadOutcome.Rejected(1, [], 1), '誤り')], [])
            }
            replica.store([CounterFixture.resident(1), CounterFixture.resident(2)])
            new ImportSummary(location, [], [])
        }

        java.time.Duration warmUp(int rows) { java.time.Duration.ZERO }
    }
    def demoStaff = [new RegisterStaffCommand(CITY, 'clerk', '窓口 一郎', 'demo-password-long', ['CLERK'] as Set)]

    PrepareDemoService demo() {
        new PrepareDemoService(replica, generator, importer, staff, SETTINGS, 2000, work.resolve('demo'), demoStaff)
    }

    def "空の住民記録に合成住民を取り込み、作業フォルダを片付け、デモの職員を一度だけ作る"() {
        when:
        def first = demo().prepare()
        def second = demo().prepare()

        then:
        generated == 2000
        first.residentsLoaded() == 2
        first.staffAccountsCreated() == 1
        second.residentsLoaded() == 0
        second.staffAccountsCreated() == 0
        !Files.exists(work.resolve('demo'))
        accounts.find('clerk').isPresent()
    }

    def "取り込みで断られたらデモを始めない"() {
        given:
        refuse = true

        when:
        demo().prepare()

        then:
        thrown(IllegalStateException)
        accounts.find('clerk').isEmpty()
    }
}
