package jp.madoguchi.acceptance.security

import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase
import jp.madoguchi.application.port.in.StartReceptionUseCase
import jp.madoguchi.demo.synthetic.SyntheticPopulation
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.nio.file.Files
import java.time.LocalDate
import java.time.LocalDateTime
import java.util.function.IntConsumer

/**
 * 二つの市: one database holds みらい市 (the demo) and a second city with its own residents, staff and receptions.
 * Every row carries its 地方公共団体コード, and nothing of one city reaches the other's staff.
 */
class TwoCityIsolationAcceptanceSpec extends Specification {

    static final LocalGovernmentCode MIRAI = new LocalGovernmentCode('999997')
    static final LocalGovernmentCode OTHER = LocalGovernmentCode.fromFiveDigits('99998')

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    @Shared Jdbi jdbi = app.bean(Jdbi)
    @Shared String miraiReception

    def setupSpec() {
        def work = Files.createTempDirectory('other-city')
        app.bean(GenerateSyntheticResidentsUseCase).generate(new GenerateSyntheticResidentsUseCase.GenerateCommand(
                new Population(OTHER, '見本県', 'となり町', 99L, LocalDate.parse('2026-04-01')), 200, work,
                LocalDateTime.of(2026, 4, 1, 0, 0)), { } as IntConsumer)
        def summary = app.bean(ImportLinkageFilesUseCase).importFrom(work.toString(), OTHER, ImportLinkageFilesUseCase.ImportProgress.NONE,
                Operator.system('test'))
        assert summary.refused() == 0
        def staff = app.bean(RegisterStaffAccountUseCase)
        staff.ensureDefaultRoles(OTHER)
        staff.registerIfAbsent(new RegisterStaffAccountUseCase.RegisterStaffCommand(OTHER, 'tonari', 'となり 窓口',
                RunningMadoguchi.DEMO_PASSWORD, ['CLERK'] as Set))
        def resident = jdbi.withHandle { it.createQuery("SELECT min(addressee_number) FROM resident WHERE city_code = '999997'").mapTo(String).one() }
        miraiReception = app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(MIRAI, Channel.KIOSK,
                new AddresseeNumber(resident), ['RESIDENT_CERTIFICATE'], Operator.kiosk('KIOSK-01'), null)).number().value()
    }

    def "どの業務テーブルも行ごとに地方公共団体コードを持つ"() {
        when:
        def withoutCity = jdbi.withHandle {
            it.createQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'city_code' AND NOT a.attisdropped)
                 ORDER BY c.relname""").mapTo(String).list()
        }

        // the backups, alerts and serving marks belong to the one installation: its database, disk and servers serve
        // every city on it alike
        then: 'only the bookkeeping of the system itself has none'
        withoutCity == ['audit_checkpoint', 'audit_head', 'backup_run', 'flyway_schema_history', 'operations_alert',
                        'service_heartbeat']
    }

    def "両方の市の住民が同じデータベースにいる"() {
        expect:
        count('999997') > 100
        count(OTHER.value()) > 100
    }

    def "となり町の職員の検索・住民画面・受付一覧に、みらい市のものは出ない"() {
        given:
        def tonari = StaffLogin.overHttp(http, app, 'tonari')
        // a みらい市 宛名番号 that となり町 does not also use (both number their residents from 1)
        def miraiResident = jdbi.withHandle {
            it.createQuery("""SELECT min(addressee_number) FROM resident r WHERE city_code = '999997' AND NOT EXISTS
                              (SELECT 1 FROM resident o WHERE o.city_code = :other AND o.addressee_number = r.addressee_number)""")
                    .bind('other', OTHER.value()).mapTo(String).one()
        }
        def otherPeople = jdbi.withHandle {
            it.createQuery('SELECT addressee_number || name FROM resident WHERE city_code = :c').bind('c', OTHER.value()).mapTo(String).set()
        }

        when: 'a kana search that matches people in both cities'
        def found = KioskRegistration.post(http, app, '/staff/api/residents', tonari, 'kana=' + URLEncoder.encode('ア', 'UTF-8') + '&match=partial').body()
        def people = (found =~ /\{[^}]*\}/).collect { String person ->
            (person =~ /"addresseeNumber":"(\d+)"/)[0][1] + (person =~ /"name":"([^"]*)"/)[0][1]
        }

        then: 'every one found is a となり町 resident, number and name together'
        people.size() > 5
        people.every { it in otherPeople }

        expect: "みらい市 residents and receptions do not exist for them"
        miraiResident != null
        KioskRegistration.get(http, app, "/staff/residents/${miraiResident}", tonari).statusCode() == 404
        !KioskRegistration.get(http, app, '/staff', tonari).body().contains(miraiReception)
        KioskRegistration.get(http, app, "/staff/receptions/${miraiReception}", tonari).statusCode() == 404
    }

    def "みらい市の監査担当のアクセス記録に、となり町の記録は出ない"() {
        given: 'となり町 has entries of its own (its import, its staff searching)'
        assert jdbi.withHandle { it.createQuery("SELECT count(*) FROM audit_entry WHERE city_code = :c").bind('c', OTHER.value()).mapTo(Long).one() } > 0
        def auditor = StaffLogin.overHttp(http, app, 'auditor')

        when:
        long asked = System.currentTimeMillis() - 1_000
        def export = KioskRegistration.post(http, app, '/admin/audit/export', auditor, 'actor=&resident=&from=&to=&action=')

        then: 'sent whole, and its temporary file already gone from the disk'
        export.statusCode() == 200
        export.body().readLines().last().contains('999997')
        !temporaryExportsSince(asked)
        export.body().contains('999997')
        !export.body().contains(OTHER.value())
        !export.body().contains('tonari')
    }

    /** Temporary audit exports made since {@code millis} still on the disk (each named madoguchi-audit….csv). */
    private static boolean temporaryExportsSince(long millis) {
        new File(System.getProperty('java.io.tmpdir')).listFiles().any {
            it.name.startsWith('madoguchi-audit') && it.name.endsWith('.csv') && it.lastModified() >= millis
        }
    }

    private long count(String city) {
        jdbi.withHandle { it.createQuery('SELECT count(*) FROM resident WHERE city_code = :c').bind('c', city).mapTo(Long).one() }
    }

}
