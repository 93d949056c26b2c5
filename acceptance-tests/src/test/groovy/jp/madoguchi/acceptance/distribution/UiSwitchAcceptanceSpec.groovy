package jp.madoguchi.acceptance.distribution

import jp.madoguchi.acceptance.support.RunningMadoguchi
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/** One distribution serves both UIs; configuration switches either off. */
class UiSwitchAcceptanceSpec extends Specification {

    static int status(RunningMadoguchi app, String path) {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url(path))).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()
    }

    def "既定では記載台と職員画面の両方を提供する"() {
        given:
        def app = RunningMadoguchi.start()

        expect:
        status(app, '/kiosk') == 200
        status(app, '/staff/login') == 200

        cleanup:
        app?.close()
    }

    def "記載台を止めた構成では /kiosk を提供しない"() {
        given:
        def app = RunningMadoguchi.start(['madoguchi.kiosk.enabled': false])

        expect:
        status(app, '/kiosk') in [401, 403, 404]
        status(app, '/kiosk/identify?procedure=RESIDENT_CERTIFICATE') in [401, 403, 404]
        status(app, '/staff/login') == 200

        cleanup:
        app?.close()
    }

    def "職員画面を止めた構成では /staff を提供しない"() {
        given:
        def app = RunningMadoguchi.start(['madoguchi.staff.enabled': false])

        expect:
        status(app, '/kiosk') == 200
        status(app, '/staff/login') in [401, 403, 404]

        cleanup:
        app?.close()
    }
}
