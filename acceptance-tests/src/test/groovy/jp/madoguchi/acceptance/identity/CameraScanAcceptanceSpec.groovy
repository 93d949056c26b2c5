package jp.madoguchi.acceptance.identity

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.CameraVideo
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.PreEntryUseCase
import jp.madoguchi.application.port.in.StartReceptionUseCase
import jp.madoguchi.application.port.out.Receptions
import jp.madoguchi.application.port.out.TwoDimensionalCodes
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Shared
import spock.lang.Specification

/**
 * カメラで読む at the counter: Chromium's fake camera shows a slip's QR, or a pre-entry code on a phone, and the
 * reception list opens that visit; frames go to the server, which decodes them with ZXing.
 */
class CameraScanAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start()

    Browser browser

    def cleanup() {
        browser?.close()
    }

    def cleanupSpec() {
        app?.close()
    }

    def "受付票のQRをカメラに向けると、その受付が開く"() {
        given: 'a visit taken at the kiosk, its slip held up to the counter camera'
        def number = app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(CITY,
                Channel.KIOSK, null, ['RESIDENT_CERTIFICATE'], Operator.kiosk('KIOSK-01'))).number().value()
        def qr = app.bean(TwoDimensionalCodes).qrPng("MADOGUCHI:R:999997:${number}", 300)
        browser = Browser.withCamera(CameraVideo.showing(qr))
        StaffLogin.inBrowser(browser, app, 'clerk')

        when:
        browser.go(app.url('/staff'))
        browser.click('#camera-scan')
        browser.waitForPath("/staff/receptions/${number}")

        then:
        browser.currentPath() == "/staff/receptions/${number}"
    }

    def "事前入力のQRをカメラに向けると、選んだ手続の受付が開き、コードは使用済みになる"() {
        given: 'a code made on a phone at home'
        def prepared = app.bean(PreEntryUseCase).prepare(CITY, ['TAX_CERTIFICATE'])
        browser = Browser.withCamera(CameraVideo.showing(prepared.qrPng()))
        StaffLogin.inBrowser(browser, app, 'clerk')

        when:
        browser.go(app.url('/staff'))
        browser.click('#camera-scan')
        browser.waitForPath('/staff/receptions/2')
        def number = ReceptionNumber.parse(browser.currentPath().substring('/staff/receptions/'.length()))
        def reception = app.bean(Receptions).find(CITY, number).get()

        then: 'a pre-entry visit with the procedure chosen at home'
        reception.channel() == Channel.PRE_ENTRY
        reception.procedures()*.code() == ['TAX_CERTIFICATE']

        when: 'the same code again, by the handheld scanner into the number field'
        browser.go(app.url('/staff'))
        browser.type('#inquiry-number', prepared.code())
        browser.clickAndLoad('#inquiry-search')

        then: 'read twice within minutes it opens the same visit: the code is used up, no second visit is taken'
        browser.currentPath() == "/staff/receptions/${number.value()}"
        app.bean(Receptions).find(CITY, ReceptionNumber.parse("${number.value().substring(0, 9)}${String.format('%04d', number.callNumber() + 1)}")).isEmpty()
    }
}
