package jp.madoguchi.acceptance.visit

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import spock.lang.Shared
import spock.lang.Specification

/** 回付: the clerk sends a visit on to another department, which takes it up again from 聞き取り. */
class ReferralAcceptanceSpec extends Specification {

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start()

    @Shared
    Browser browser = Browser.open()

    def cleanupSpec() {
        browser?.close()
        app?.close()
    }

    def "市民課で聞き取り中の受付を保険年金課へ回付し、回付先で聞き取りを始める"() {
        given: 'a kiosk visit for 住民票の写し'
        browser.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
        browser.type('#pin', '1234')
        browser.clickAndLoad('#read-card')
        jp.madoguchi.acceptance.support.KioskQuestions.answer(browser)
        browser.clickAndLoad('#receive')
        def number = browser.text('#reception-number')

        and: 'a clerk has taken it up'
        browser.go(app.url('/staff/login'))
        browser.type('#username', 'clerk')
        browser.type('#password', RunningMadoguchi.DEMO_PASSWORD)
        browser.clickAndLoad('#login')
        browser.go(app.url("/staff/receptions/${number}"))
        browser.clickAndLoad('#step-hearing')

        when: 'the clerk refers it to 保険年金課 with a reason'
        browser.select('#department', '保険年金課')
        browser.type('#reason', '国保の加入')
        browser.clickAndLoad('#step-refer')

        then:
        browser.text('#state') == '回付'
        browser.text('#notice') == '回付しました'
        browser.texts('#timeline tbody tr').any { it.contains('市民課から保険年金課へ回付（国保の加入）') }
        browser.screenshot('11-staff-回付')

        when: 'the next department takes it up'
        browser.clickAndLoad('#step-hearing')

        then:
        browser.text('#state') == '聞き取り'
        browser.texts('#timeline tbody tr').last().contains('保険年金課で聞き取りを開始')
    }
}
