package jp.madoguchi.acceptance.visit

import jp.madoguchi.acceptance.support.BrowserScenario
import jp.madoguchi.acceptance.support.GeneratedCodes
import jp.madoguchi.application.port.out.ReceptionPaperwork
import jp.madoguchi.application.port.out.Receptions
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import org.jdbi.v3.core.Jdbi

/**
 * 事前入力で回答まで: on the phone the citizen chooses the procedure and answers its questions (no name, no address);
 * the answers are kept sealed under the code, and the visit the kiosk opens from the code arrives answered.
 */
class PreEntryAnswersAcceptanceSpec extends BrowserScenario {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    def "スマートフォンで住民票の質問に答えたQRコードを記載台でかざすと、回答済みの受付になる"() {
        when: 'at home: the 住民票, and its questions too'
        browser.go(app.url('/kiosk/pre-entry'))
        browser.click("input[data-procedure='RESIDENT_CERTIFICATE']")
        browser.clickAndLoad('#answer-first')

        then: 'the kiosk questions, asking nothing about who the citizen is'
        browser.texts('fieldset.question')*.split('\n')*.getAt(0).size() == 4
        !browser.exists("fieldset[data-key='氏名']")
        !browser.exists("fieldset[data-key='電話番号']")

        when: 'a choice left open is refused, nothing chosen is lost'
        browser.click('#answer-通数 ~ button[data-step="1"]')
        browser.clickAndLoad('#to-confirm')

        then:
        browser.text('#error').contains('を選んでください')
        browser.attribute('#answer-通数', 'value') == '2'

        when:
        browser.click("fieldset[data-key='請求の範囲'] input[value='世帯全員']")
        browser.click("fieldset[data-key='記載事項'] input[value='世帯主と続柄']")
        browser.clickAndLoad('#to-confirm')
        def code = GeneratedCodes.read(browser.attribute('#qr', 'src'))
        browser.screenshot('33-事前入力の回答とQRコード')

        then: 'the code page says the answers are kept; the database holds neither the code nor the answers readable'
        browser.exists('#answered')
        def row = app.bean(Jdbi).withHandle { it.createQuery('SELECT * FROM pre_entry ORDER BY created_at DESC LIMIT 1').mapToMap().one() }
        !row.containsKey('token')
        row.token_hash != code.substring(code.lastIndexOf(':') + 1)
        def sealed = new String(row.sealed_answers as byte[], 'ISO-8859-1')
        !sealed.contains(URLEncoder.encode('世帯全員', 'UTF-8'))
        !sealed.contains(new String('世帯全員'.getBytes('UTF-8'), 'ISO-8859-1'))

        when: 'at the kiosk the handheld scanner types it'
        browser.go(app.url('/kiosk/pre-entry/scan'))
        browser.type('#code', code + '\n')
        browser.waitForPath('/kiosk/slip/')
        def number = ReceptionNumber.parse(browser.text('#reception-number'))

        then: 'the visit arrives answered: the clerk will not ask these again'
        app.bean(ReceptionPaperwork).answers(CITY, number) ==
                ['請求者との関係': '本人', '通数': '2', '請求の範囲': '世帯全員', '記載事項': '世帯主と続柄']
        app.bean(Receptions).find(CITY, number).get().timeline()*.description()
                .any { it.startsWith('事前入力で本人が回答（') && it.contains('請求の範囲') && it.contains('通数') }
    }

    def "答えずにQRコードを作ることもでき、そのときは窓口で聞く"() {
        when:
        browser.go(app.url('/kiosk/pre-entry'))
        browser.click("input[data-procedure='RESIDENT_CERTIFICATE']")
        browser.clickAndLoad('#answer-first')
        browser.clickAndLoad('#skip-answers')
        def code = GeneratedCodes.read(browser.attribute('#qr', 'src'))
        browser.go(app.url('/kiosk/pre-entry/scan'))
        browser.type('#code', code + '\n')
        browser.waitForPath('/kiosk/slip/')
        def number = ReceptionNumber.parse(browser.text('#reception-number'))

        then:
        app.bean(ReceptionPaperwork).answers(CITY, number) == [:]
    }
}
