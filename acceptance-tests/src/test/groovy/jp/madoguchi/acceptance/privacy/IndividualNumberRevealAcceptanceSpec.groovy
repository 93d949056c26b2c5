package jp.madoguchi.acceptance.privacy

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.out.ResidentRegistry
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * 個人番号は伏せて表示し、権限のある職員が目的を入力したときだけ表示する。表示はアクセス記録に残る。
 */
class IndividualNumberRevealAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start()
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

    def "個人番号利用事務の担当は目的を入力して表示でき、その表示が記録され、再表示では伏せられる"() {
        given:
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'mynumber')
        browser.go(app.url("/staff/residents/${resident}"))

        expect: 'masked at first, with the form'
        browser.exists('#reveal')
        !browser.text('main').contains(digits.substring(0, 4) + ' ' + digits.substring(4, 8))

        when: 'no purpose given (the browser check bypassed)'
        browser.go(app.url("/staff/residents/${resident}"))
        browser.execute("document.querySelector('#reveal input[name=purpose]').removeAttribute('required')")
        browser.clickAndLoad('#reveal button')

        then:
        browser.text('#reveal-error').contains('目的')
        reveals().isEmpty()

        when:
        browser.type('#reveal input[name=purpose]', '受付 20261122-0001 国保資格取得')
        browser.clickAndLoad('#reveal button')

        then:
        browser.text('#individual-number .revealed') == digits.substring(0, 4) + ' ' + digits.substring(4, 8) + ' ' + digits.substring(8)
        reveals() == ["mynumber ${resident} 受付 20261122-0001 国保資格取得".toString()]

        and: 'the entry names the terminal the member logged in from'
        app.bean(Jdbi).withHandle { it.createQuery("SELECT terminal FROM audit_entry WHERE action = 'REVEAL_INDIVIDUAL_NUMBER'").mapTo(String).one() } in
                ['127.0.0.1', '0:0:0:0:0:0:0:1']

        when: 'the page is opened again'
        browser.go(app.url("/staff/residents/${resident}"))

        then:
        !browser.exists('#individual-number .revealed')
        reveals().size() == 1
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
}
