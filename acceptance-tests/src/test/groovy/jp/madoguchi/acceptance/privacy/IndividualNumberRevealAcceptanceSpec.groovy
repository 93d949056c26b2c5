package jp.madoguchi.acceptance.privacy

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.StartReceptionUseCase
import jp.madoguchi.application.port.out.ResidentRegistry
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * 個人番号は伏せて表示し、権限のある職員が一覧の目的と手続中の受付を示し、必要なら確認コードを入れたときだけ表示する。
 * 表示はアクセス記録に残り、1時間の上限を超えると断られ、多すぎる職員は監査担当の画面に出る。
 */
@Stepwise
class IndividualNumberRevealAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    // the city's settings, made small enough to reach in a test: the code is asked again after 3 seconds, 3 reveals an
    // hour at most, and 2 in a day already named on the auditor's page
    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start([
            'madoguchi.individual-number.second-factor-age': '3s',
            'madoguchi.individual-number.reveals-per-hour' : 3,
            'madoguchi.individual-number.alert-per-day'    : 2])
    @Shared @AutoCleanup Browser browser = Browser.open()
    @Shared String resident = firstWithNumber()
    @Shared String digits = app.bean(ResidentRegistry).individualNumberOf(CITY, new AddresseeNumber(resident)).get().reveal()

    def "窓口担当には伏せたまま表示され、表示の操作もない"() {
        when:
        StaffLogin.inBrowser(browser, app, 'clerk')
        browser.go(app.url("/staff/residents/${resident}"))

        then:
        browser.text('#individual-number').contains('＊＊＊＊ ＊＊＊＊ ＊＊＊＊')
        browser.text('#individual-number').contains('表示には権限が必要です')
        !browser.exists('#reveal')
        !browser.text('main').contains(digits.substring(0, 4) + ' ' + digits.substring(4, 8))
    }

    def "窓口担当が表示を直接要求しても拒否され、記録も番号も出ない"() {
        given:
        def http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        def session = StaffLogin.overHttp(http, app, 'clerk')

        when:
        def answer = http.send(HttpRequest.newBuilder(URI.create(app.url("/staff/residents/${resident}/individual-number")))
                .header('Cookie', session.cookies()).header('Content-Type', 'application/x-www-form-urlencoded')
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=${session.csrfToken()}&purpose=test")).build(),
                HttpResponse.BodyHandlers.ofString())

        then:
        answer.statusCode() in [303, 403]
        !answer.body().contains(digits)
        reveals().isEmpty()
    }

    def "個人番号利用事務の担当は一覧の目的と手続中の受付を示して表示でき、時間がたつと確認コードを求められ、上限を超えると断られる"() {
        given: 'a visit of this resident, and one of somebody else'
        def visit = start(resident)
        def elsewhere = start(otherHousehold())
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'mynumber')
        browser.go(app.url("/staff/residents/${resident}"))

        expect: 'masked at first, with the form'
        browser.exists('#reveal')
        !browser.text('main').contains(digits.substring(0, 4) + ' ' + digits.substring(4, 8))

        when: 'no purpose chosen (the browser check bypassed)'
        browser.execute("document.querySelectorAll('#reveal [required]').forEach(e => e.removeAttribute('required'))")
        browser.type('#reveal input[name=reception]', visit)
        browser.clickAndLoad('#reveal button')

        then:
        browser.text('#reveal-error').contains('目的を一覧から選んで')
        reveals().isEmpty()

        when: 'a purpose, but the visit of somebody else'
        askToReveal(elsewhere)

        then:
        browser.text('#reveal-error').contains('この住民（またはその世帯）の受付ではありません')
        reveals().isEmpty()

        when: 'their own open visit, soon after the login (whose second factor still counts)'
        browser.type('#reveal input[name=reception]', visit)
        browser.clickAndLoad('#reveal button')

        then:
        browser.text('#individual-number .revealed') == digits.substring(0, 4) + ' ' + digits.substring(4, 8) + ' ' + digits.substring(8)
        reveals() == ["mynumber ${resident} 受付 ${visit}: 国民健康保険の資格取得・喪失の届出".toString()]

        and: 'the entry names the terminal the member logged in from'
        app.bean(Jdbi).withHandle { it.createQuery("SELECT terminal FROM audit_entry WHERE action = 'REVEAL_INDIVIDUAL_NUMBER'").mapTo(String).one() } in
                ['127.0.0.1', '0:0:0:0:0:0:0:1']

        when: 'the page is opened again, a while later'
        browser.go(app.url("/staff/residents/${resident}"))
        Thread.sleep(3_500)
        askToReveal(visit)

        then: 'masked, and the code is asked before anything is shown'
        !browser.exists('#individual-number .revealed')
        browser.exists('#reveal-code')
        reveals().size() == 1

        when:
        browser.type('#reveal-code', StaffLogin.nextCode(app, 'mynumber'))
        browser.clickAndLoad('#reveal button')

        then:
        browser.exists('#individual-number .revealed')
        reveals().size() == 2

        when: 'the third in the hour is allowed, the fourth is not'
        2.times {
            browser.go(app.url("/staff/residents/${resident}"))
            askToReveal(visit)
            if (browser.exists('#reveal-code')) {
                browser.type('#reveal-code', StaffLogin.nextCode(app, 'mynumber'))
                browser.clickAndLoad('#reveal button')
            }
        }

        then:
        browser.text('#reveal-error').contains('1時間に 3 件まで')
        !browser.exists('#individual-number .revealed')
    }

    def "表示がふだんより多い職員は、監査担当のアクセス記録の画面に警告として出る"() {
        when:
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'auditor')
        browser.go(app.url('/admin/audit'))

        then:
        browser.text("#reveal-alerts li[data-actor='mynumber'] .count") == '4 件'
        browser.screenshot('62-audit-個人番号の表示の警告')
    }

    private String start(String who) {
        app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(CITY, Channel.KIOSK,
                new AddresseeNumber(who), ['NHI_ENROLMENT'], Operator.kiosk('KIOSK-01'), null)).number().value()
    }

    private String otherHousehold() {
        app.bean(Jdbi).withHandle { h ->
            h.createQuery("SELECT min(addressee_number) FROM resident WHERE city_code = '999997' AND status = '1' AND household_number <> (SELECT household_number FROM resident WHERE addressee_number = :n)")
                    .bind('n', resident).mapTo(String).one()
        }
    }

    private List<String> reveals() {
        app.bean(Jdbi).withHandle { h ->
            h.createQuery("SELECT actor_id || ' ' || array_to_string(residents, ',') || ' ' || purpose FROM audit_entry WHERE action = 'REVEAL_INDIVIDUAL_NUMBER' ORDER BY seq")
                    .mapTo(String).list()
        }
    }

    private String firstWithNumber() {
        app.bean(Jdbi).withHandle { h ->
            h.createQuery("SELECT addressee_number FROM resident WHERE city_code = '999997' AND individual_number_sealed IS NOT NULL ORDER BY addressee_number LIMIT 1")
                    .mapTo(String).one()
        }
    }

    /** The reveal form with the listed purpose of a 国保 visit and the given 受付番号, sent. */
    private void askToReveal(String reception) {
        browser.select('#reveal select[name=purpose]', '国民健康保険の資格取得・喪失の届出')
        browser.type('#reveal input[name=reception]', reception)
        browser.clickAndLoad('#reveal button')
    }
}
