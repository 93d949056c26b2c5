package jp.madoguchi.acceptance.security

import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.StartReceptionUseCase
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.net.http.HttpClient

/**
 * 担当課ごとの役割: a role the city ties to one 担当課 serves that department's receptions only — its queue, its
 * pages, its steps — and 回付 hands a visit over to the other department's staff.
 */
@Stepwise
class DepartmentScopeAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    @Shared String certificate
    @Shared String insurance

    def "管理者が市民課に限った役割を作り、その役割の職員を登録する"() {
        given:
        def admin = StaffLogin.overHttp(http, app, 'admin')

        when:
        def role = KioskRegistration.post(http, app, '/admin/staff/roles', admin,
                'name=SHIMIN_COUNTER&label=' + enc('市民課 窓口') + '&department=SHIMIN&permissions=RECEPTION&permissions=RESIDENT_SEARCH')
        def account = KioskRegistration.post(http, app, '/admin/staff/accounts', admin,
                'username=shimin1&displayName=' + enc('市民 一子') + '&password=' + enc(RunningMadoguchi.DEMO_PASSWORD) + '&roles=SHIMIN_COUNTER')
        def page = KioskRegistration.get(http, app, '/admin/staff', admin)

        then:
        role.statusCode() == 303
        account.statusCode() == 303
        page.body() =~ /(?s)data-role="SHIMIN_COUNTER".*?class="department">市民課</
    }

    def "市民課の職員の受付一覧には市民課の受付だけが出る"() {
        given: 'one visit for 住民票 (市民課), one for 国保 (保険年金課)'
        def start = app.bean(StartReceptionUseCase)
        def resident = residentNumber()
        certificate = start.start(new StartReceptionUseCase.StartReceptionCommand(CITY, Channel.KIOSK, new AddresseeNumber(resident),
                ['RESIDENT_CERTIFICATE'], Operator.kiosk('KIOSK-01'), null)).number().value()
        insurance = start.start(new StartReceptionUseCase.StartReceptionCommand(CITY, Channel.KIOSK, new AddresseeNumber(resident),
                ['NHI_ENROLMENT'], Operator.kiosk('KIOSK-01'), null)).number().value()

        when:
        def shimin = StaffLogin.overHttp(http, app, 'shimin1')
        def queue = KioskRegistration.get(http, app, '/staff', shimin).body()
        def everything = KioskRegistration.get(http, app, '/staff', StaffLogin.overHttp(http, app, 'clerk')).body()

        then:
        queue.contains(certificate)
        !queue.contains(insurance)
        everything.contains(certificate) && everything.contains(insurance)
    }

    def "ほかの課の受付は開けず、操作もできない"() {
        given:
        def shimin = StaffLogin.overHttp(http, app, 'shimin1')

        when:
        def page = KioskRegistration.get(http, app, "/staff/receptions/${insurance}", shimin)
        def step = KioskRegistration.post(http, app, "/staff/receptions/${insurance}/hearing", shimin, 'version=0')
        def form = KioskRegistration.get(http, app, "/staff/receptions/${insurance}/form.pdf", shimin)

        then:
        page.statusCode() == 403
        page.body().contains('この受付は保険年金課の受付です')
        step.statusCode() == 403
        form.statusCode() == 403

        and: 'its own department works'
        KioskRegistration.get(http, app, "/staff/receptions/${certificate}", shimin).statusCode() == 200
    }

    def "回付すると受付は回付先の課の一覧に移り、元の課の職員からは見えなくなる"() {
        given:
        def shimin = StaffLogin.overHttp(http, app, 'shimin1')

        when:
        def refer = KioskRegistration.post(http, app, "/staff/receptions/${certificate}/refer", shimin,
                'version=' + version(certificate) + '&department=HOKEN&reason=' + enc('国保の加入手続'))

        then:
        refer.statusCode() == 303
        !KioskRegistration.get(http, app, '/staff', shimin).body().contains(certificate)
        KioskRegistration.get(http, app, "/staff/receptions/${certificate}", shimin).statusCode() == 403
    }

    def "住民検索の権限のない窓口職員は、宛名番号を打って本人確認できない（候補から選ぶだけ）"() {
        given: 'a role with 受付 but not 住民検索, and a visit nobody has identified'
        def admin = StaffLogin.overHttp(http, app, 'admin')
        assert KioskRegistration.post(http, app, '/admin/staff/roles', admin,
                'name=COUNTER_ONLY&label=' + enc('受付のみ') + '&permissions=RECEPTION').statusCode() == 303
        assert KioskRegistration.post(http, app, '/admin/staff/accounts', admin,
                'username=counter2&displayName=' + enc('受付 二郎') + '&password=' + enc(RunningMadoguchi.DEMO_PASSWORD) + '&roles=COUNTER_ONLY').statusCode() == 303
        def visit = app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(CITY, Channel.KIOSK, null,
                ['RESIDENT_CERTIFICATE'], Operator.kiosk('KIOSK-01'), null)).number().value()
        def counter2 = StaffLogin.overHttp(http, app, 'counter2')

        when:
        def page = KioskRegistration.get(http, app, "/staff/receptions/${visit}", counter2).body()
        def typed = KioskRegistration.post(http, app, "/staff/receptions/${visit}/identity", counter2,
                "version=${version(visit)}&addresseeNumber=${residentNumber()}")

        then: 'no field to type a number in, and a typed one is refused: the visit stays unidentified'
        !page.contains('name="addresseeNumber"')
        page.contains('住民検索の権限のある職員に本人確認を依頼してください')
        typed.body().contains('カードの照合候補から選んでください')
        resident(visit) == null

        when: 'a clerk with 住民検索 does it'
        def clerk = KioskRegistration.post(http, app, "/staff/receptions/${visit}/identity", StaffLogin.overHttp(http, app, 'clerk'),
                "version=${version(visit)}&addresseeNumber=${residentNumber()}")

        then:
        clerk.statusCode() == 303
        resident(visit) == residentNumber()
    }

    private String resident(String number) {
        app.bean(Jdbi).withHandle { it.createQuery("SELECT addressee_number FROM reception WHERE number = :n").bind('n', number).mapTo(String).one() }
    }

    private long version(String number) {
        app.bean(Jdbi).withHandle { it.createQuery("SELECT version FROM reception WHERE number = :n").bind('n', number).mapTo(Long).one() }
    }

    private String residentNumber() {
        app.bean(Jdbi).withHandle { it.createQuery("SELECT min(addressee_number) FROM resident WHERE city_code = '999997' AND status = '1'").mapTo(String).one() }
    }

    private static String enc(String text) {
        URLEncoder.encode(text, 'UTF-8')
    }
}
