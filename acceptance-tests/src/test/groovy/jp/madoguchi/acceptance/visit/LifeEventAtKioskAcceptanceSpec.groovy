package jp.madoguchi.acceptance.visit

import jp.madoguchi.acceptance.support.BrowserScenario
import jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase
import jp.madoguchi.application.port.out.Receptions
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator

/**
 * 記載台でできごとから: the citizen starts from a life event instead of a procedure, reads the card, sees the
 * procedures the city's rules suggest for the household (each with for whom and why), unticks what does not apply,
 * answers the questions of all the kept procedures once, and the visit is taken with exactly those procedures.
 */
class LifeEventAtKioskAcceptanceSpec extends BrowserScenario {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    def "市内で引っ越した: 世帯に関係する手続が理由つきで挙がり、外した手続は受付に入らない"() {
        when: 'the citizen starts from the event and reads the card'
        browser.go(app.url('/kiosk'))
        browser.clickAndLoad('a[data-event=MOVE_WITHIN_CITY]')

        then:
        browser.text('#event-words') == '市内で引っ越した'

        when:
        readDemoCard()
        def shown = browser.texts('label.related .name')
        def codes = (browser.execute("return [...document.querySelectorAll('label.related')].map(l => l.dataset.procedure)") as List)
        browser.screenshot('32-kiosk-できごとの関連手続')

        then: 'the notification first, then what the rules give for this household, each once, each with a reason'
        codes[0] == 'MOVE_WITHIN_CITY_NOTIFICATION'
        shown[0] == '転居届'
        codes.size() >= 2
        codes.toSet().size() == codes.size()
        browser.texts('label.related .reason').every { !it.isBlank() }
        browser.text('#related-count') == String.valueOf(codes.size())
        browser.exists("label.related input[value='${codes.last()}']:checked")

        when: 'nothing ticked is refused with what to do, nothing lost'
        codes.each { browser.click("label.related input[value='${it}']") }
        browser.clickAndLoad('#to-questions')

        then:
        browser.text('#error').startsWith('手続を1つ以上選んでください')
        browser.texts('label.related .name') == shown

        when: 'the last suggestion does not apply: untick it and go on'
        browser.click("label.related input[value='${codes.last()}']")
        browser.clickAndLoad('#to-questions')
        if (browser.exists('#to-confirm')) {
            answerWhatIsOpen()
            browser.clickAndLoad('#to-confirm')
        }

        then: 'the confirmation names the kept procedures'
        browser.text('#procedure') == shown.dropRight(1).join('、')

        when:
        browser.clickAndLoad('#receive')
        def number = ReceptionNumber.parse(browser.text('#reception-number'))
        def reception = app.bean(Receptions).find(CITY, number).get()

        then: 'the visit has exactly the kept procedures, and the suggestions were the rules for this household'
        reception.procedures()*.code() == codes.dropRight(1)
        // shown twice (the refusal of nothing ticked showed the list again), checked against what was kept: no third run
        relatedAccesses() == 2
        def suggested = app.bean(DetermineRelatedProceduresUseCase)
                .suggest(CITY, reception.resident().get(), LifeEvent.MOVE_WITHIN_CITY, Operator.kiosk('TEST'))
        (['MOVE_WITHIN_CITY_NOTIFICATION'] + suggested*.procedureCode()).unique() == codes
    }

    def "画面に出していない手続を送りつけても受付には入らない"() {
        when: 'a page altered by hand adds a procedure the rules did not suggest'
        browser.go(app.url('/kiosk'))
        browser.clickAndLoad('a[data-event=MOVE_WITHIN_CITY]')
        readDemoCard()
        browser.execute("""const i = document.createElement('input'); i.type = 'hidden'; i.name = 'procedure';
                           i.value = 'DOG_REGISTRATION_CHANGE'; document.getElementById('related-form').appendChild(i);""")
        browser.clickAndLoad('#to-questions')

        then:
        browser.text('#error') == '選ばれた手続はこの画面で選べません。最初からやり直してください。'
    }

    /** The access history's entries for the kiosk's related-procedure lists (each run of the rules on a household). */
    private long relatedAccesses() {
        app.bean(org.jdbi.v3.core.Jdbi).withHandle {
            it.createQuery("SELECT count(*) FROM audit_entry WHERE purpose = '記載台の関連手続'").mapTo(Long).one()
        }
    }

    /** Every choice question left open gets its first choice (the test is about the procedures, not the answers). */
    private void answerWhatIsOpen() {
        browser.execute('''
            document.querySelectorAll('fieldset.question').forEach(f => {
              const radios = f.querySelectorAll('input[type=radio]');
              if (radios.length && !f.querySelector('input[type=radio]:checked')) { radios[0].click(); }
            });''')
    }
}
