package jp.madoguchi.acceptance.demo

import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal
import jp.madoguchi.application.port.in.DemoSecondFactorUseCase
import jp.madoguchi.application.port.out.ResidentReplica
import jp.madoguchi.application.port.out.StaffAccounts
import jp.madoguchi.demo.PrepareDemoUseCase
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * デモは本番の起動に現れない: the demo module sits on the server's class path, but with the demo off none of its beans
 * exists: no synthetic residents, no demo account, no demo card on the simulated reader, no code on the login page.
 */
class DemoModuleAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    def "デモを切って起動すると、合成住民・デモの職員・デモ用カード・ログイン画面の確認コードのどれも無い"() {
        given:
        def app = RunningMadoguchi.start(['madoguchi.demo.enabled': false])

        expect:
        !app.has(PrepareDemoUseCase)
        !app.has(DemoSecondFactorUseCase)
        app.bean(ResidentReplica).count(CITY) == 0
        ['admin', 'clerk', 'auditor'].every { app.bean(StaffAccounts).find(it).isEmpty() }
        !app.has(SimulatedCardTerminal)
        !loginPage(app).contains('demo-code')

        cleanup:
        app?.close()
    }

    def "デモを入れて起動すると、合成住民とデモの職員が入り、カードが置かれ、ログイン画面に確認コードが出る"() {
        given:
        def app = RunningMadoguchi.start()

        expect:
        app.bean(ResidentReplica).count(CITY) == 400
        app.bean(StaffAccounts).find('admin').isPresent()
        app.bean(SimulatedCardTerminal).card().isPresent()
        loginPage(app) =~ /id="demo-code"[^<]*<strong>\d{6}<\/strong>/

        cleanup:
        app?.close()
    }

    static String loginPage(RunningMadoguchi app) {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url('/staff/login'))).build(),
                HttpResponse.BodyHandlers.ofString()).body()
    }
}
