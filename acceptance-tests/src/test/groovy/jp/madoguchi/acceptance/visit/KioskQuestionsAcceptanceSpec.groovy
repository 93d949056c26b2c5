package jp.madoguchi.acceptance.visit

import jp.madoguchi.acceptance.support.BrowserScenario
import jp.madoguchi.acceptance.support.KioskQuestions
import jp.madoguchi.application.port.out.ReceptionPaperwork
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode

/**
 * 記載台の聞き取り for a notification with a date: the 和暦 picker, the confirmation with the date as the form prints
 * it, going back to change an answer without losing the others, and the answers stored with the visit.
 */
class KioskQuestionsAcceptanceSpec extends BrowserScenario {

    def "国民健康保険の加入: 加入日を和暦で選び、確認で直し、受付に入る"() {
        when: 'the citizen chooses 国民健康保険の加入 and reads the card'
        browser.go(app.url('/kiosk'))
        browser.clickAndLoad('a[data-procedure=NHI_ENROLMENT]')
        readDemoCard()

        then: 'a date is asked with a 和暦 picker; the relation and the reason as touch choices'
        browser.texts('fieldset.question')*.split('\n')*.getAt(0) == ['届出に来た方は、届出の対象の方とどういう関係ですか',
                                                                       '国民健康保険に入る日はいつですか',
                                                                       '国民健康保険に入る理由は何ですか']
        browser.exists("select[name='date.資格取得年月日.era'] option[value='令和']")
        browser.exists("select[name='date.資格取得年月日.era'] option[value='平成']")

        when: 'the first of December, because the workplace insurance ended'
        browser.selectValue("select[name='date.資格取得年月日.era']", '令和')
        browser.selectValue("select[name='date.資格取得年月日.year']", '8')
        browser.selectValue("select[name='date.資格取得年月日.month']", '12')
        browser.selectValue("select[name='date.資格取得年月日.day']", '1')
        browser.click("fieldset[data-key='資格取得の理由'] input[value='職場の保険をやめた']")
        browser.clickAndLoad('#to-confirm')

        then: 'the date as the form prints it, from the answer'
        value('資格取得年月日') == '令和8年12月1日'
        source('資格取得年月日') == 'あなたの回答'
        value('資格取得の理由') == '職場の保険をやめた'
        value('届出人との関係') == '本人'
        browser.screenshot('31-kiosk-国保加入の確認')

        when: 'the citizen goes back to change the reason: the date picked stays'
        browser.clickAndLoad('#edit-answers')

        then:
        browser.attribute("select[name='date.資格取得年月日.month']", 'value') == '12'
        browser.attribute("select[name='date.資格取得年月日.day']", 'value') == '1'
        browser.exists("fieldset[data-key='資格取得の理由'] input[value='職場の保険をやめた']:checked")

        when: 'a day that does not exist is refused, nothing else lost'
        browser.selectValue("select[name='date.資格取得年月日.month']", '2')
        browser.selectValue("select[name='date.資格取得年月日.day']", '30')
        browser.click("fieldset[data-key='資格取得の理由'] input[value='転入']")
        browser.clickAndLoad('#to-confirm')

        then:
        browser.text('#error').contains('資格取得年月日は')
        browser.exists("fieldset[data-key='資格取得の理由'] input[value='転入']:checked")

        when:
        browser.selectValue("select[name='date.資格取得年月日.day']", '28')
        browser.clickAndLoad('#to-confirm')
        browser.clickAndLoad('#receive')
        def number = browser.text('#reception-number')

        then: 'the visit arrives answered: the clerk will not ask these again'
        app.bean(ReceptionPaperwork).answers(new LocalGovernmentCode('999997'), ReceptionNumber.parse(number)) ==
                ['届出人との関係': '本人', '資格取得年月日': '2026-02-28', '資格取得の理由': '転入']
    }

    def "カードを持たない方: 記載台で手続を選んで受付票を取り、窓口で本人確認書類を見せるよう案内される"() {
        when:
        browser.go(app.url('/kiosk'))
        browser.clickAndLoad('a[data-procedure=SEAL_CERTIFICATE]')
        browser.clickAndLoad('#without-card')
        def number = browser.text('#reception-number')

        then: 'a slip that asks for an ID document at the counter, printed too'
        browser.text('#bring-id').startsWith('窓口で本人確認書類')
        browser.text('#printed').startsWith('受付票を印刷しました')
        def job = app.bean(jp.madoguchi.adapters.documents.printing.SimulatedPrintQueue).jobs().last()
        new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(job.content()))
                .getTextFromPage(1).replaceAll(/\s/, '').contains('本人確認書類')

        and: 'the visit waits with nobody identified yet'
        def visit = app.bean(jp.madoguchi.application.port.in.FindReceptionsUseCase).today(new LocalGovernmentCode('999997'))
                .find { it.number().value() == number }
        visit.procedures() == ['印鑑登録証明書']
        visit.residentName() == '（未確認）'
    }

    private String value(String label) {
        KioskQuestions.value(browser, label)
    }

    private String source(String label) {
        KioskQuestions.source(browser, label)
    }
}
