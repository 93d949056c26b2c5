package jp.madoguchi.acceptance.identity

import jp.madoguchi.acceptance.support.BrowserScenario
import jp.madoguchi.acceptance.support.DemoResidents
import jp.madoguchi.acceptance.support.KioskQuestions
import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal
import jp.madoguchi.adapters.devices.cardreader.VirtualDriversLicense
import jp.madoguchi.adapters.devices.cardreader.VirtualResidenceCard
import jp.madoguchi.application.port.out.Receptions
import jp.madoguchi.application.port.out.ResidentRegistry
import jp.madoguchi.domain.calendar.EraTable
import jp.madoguchi.domain.calendar.WarekiDate
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.Resident
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Shared

import java.nio.charset.Charset

/**
 * マイナンバーカードのない人も記載台で本人確認できる: ICチップつきの運転免許証は同じ読取機・同じ画面で暗証番号1を入れ、
 * 免許証の氏名・住所・生年月日（性別は載っていない）で住民登録と照合する。在留カードはカードの番号でチップを開き、その番号で
 * 住民登録を引く。どちらも受付の経過に読んだカードが残る。読むのは APDU を話す仮想のカードで、読取コードは本物。
 */
class IcCardsAtKioskAcceptanceSpec extends BrowserScenario {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Map<String, Integer> ERA_DIGITS = ['明治': 1, '大正': 2, '昭和': 3, '平成': 4, '令和': 5]

    @Shared
    Object demoCard

    def setupSpec() {
        demoCard = app.bean(SimulatedCardTerminal).card().orElse(null)
    }

    def cleanupSpec() {
        app?.bean(SimulatedCardTerminal)?.place(demoCard)
    }

    def "運転免許証: 暗証番号1を間違えると残り回数を示し、正しければ照合されて受付票まで進み、経過に免許証が残る"() {
        given: 'a licence of a demo resident on the reader'
        Resident holder = licensable()
        def born = WarekiDate.of(holder.birthDate().toLocalDate().get(), EraTable.shipped())
        // a licence prints in full width: the registry's half-width digits become full-width on the card
        app.bean(SimulatedCardTerminal).place(VirtualDriversLicense.of(fullWidth(holder.name().name()),
                fullWidth(holder.address().fullText()), ERA_DIGITS[born.era().name()], born.year(), born.month(), born.day(),
                '123456789012', '5678', '0000'))

        when:
        browser.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))

        then: 'one page for every card, saying which PIN each wants'
        browser.texts('#pin-help li') == ['マイナンバーカード: 券面事項入力補助用の暗証番号', '運転免許証（ICチップつき）: 免許証を作ったときに決めた暗証番号1']

        when: 'a wrong 暗証番号1'
        press('9999')
        browser.click('#read-card')

        then:
        browser.waitForText('#error').startsWith('運転免許証の暗証番号1が違います。あと2回')
        browser.currentPath() == '/kiosk/identify'

        when: 'the right one'
        press('5678')
        browser.clickAndLoad('#read-card')

        then: 'matched on 氏名, 住所 and 生年月日: the questions follow, and the name shown is the registry\'s'
        browser.exists('#questions')

        when:
        KioskQuestions.answer(browser)

        then:
        KioskQuestions.value(browser, '氏名') == holder.nameForDisplay()
        KioskQuestions.source(browser, '氏名') == '住民記録'

        when:
        def reception = receive()

        then:
        reception.resident().get() == holder.addresseeNumber()
        reception.timeline()*.description().contains('運転免許証（ICチップ）で本人確認')
    }

    def "在留カード: 番号を入れてチップを開くと、その番号で住民登録を引いて受付票まで進む。違う番号は理由を示して止まる"() {
        given: "a demo foreign resident's 在留カード on the reader"
        def holder = DemoResidents.withResidenceCard(app)
        String number = holder.residence_card_number
        app.bean(SimulatedCardTerminal).place(VirtualResidenceCard.of(number))
        def wrong = number.substring(0, 11) + (number.endsWith('A') ? 'B' : 'A')

        when: 'a number mistyped'
        browser.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
        browser.type('#residence-card-number', wrong)
        browser.click('#read-residence-card')

        then: 'the chip does not open; nothing is read, nothing is sent to the server'
        browser.waitForText('#error') == '在留カード番号がカードと一致しません。カードの右上の番号を確かめて、もう一度入力してください。'
        browser.currentPath() == '/kiosk/identify'

        when: 'the number on the card, in small letters'
        browser.type('#residence-card-number', number.toLowerCase())
        browser.clickAndLoad('#read-residence-card')
        KioskQuestions.answer(browser)

        then:
        KioskQuestions.source(browser, '氏名') == '住民記録'
        browser.screenshot('42-kiosk-在留カードで本人確認')

        when:
        def reception = receive()

        then:
        reception.resident().get().value() == holder.addressee_number
        reception.timeline()*.description().contains('在留カード（ICチップ）で本人確認')
    }

    private Reception receive() {
        browser.clickAndLoad('#receive')
        app.bean(Receptions).find(CITY, ReceptionNumber.parse(browser.text('#reception-number'))).get()
    }

    private void press(String digits) {
        browser.click('.keypad button[data-clear]')
        digits.each { browser.click(".keypad button[data-digit='${it}']") }
    }

    /** A current demo resident whose name and address a licence can hold (JIS X 0208: no 外字, no IVS). */
    private Resident licensable() {
        def jis = Charset.forName('ISO-2022-JP').newEncoder()
        DemoResidents.current(app, 200).collect { app.bean(ResidentRegistry).find(CITY, new AddresseeNumber(it)).get() }
                .find { r -> jis.canEncode(fullWidth(r.name().name())) && jis.canEncode(fullWidth(r.address().fullText())) }
    }

    /** ASCII letters, digits and signs in their full-width forms, as a licence prints them. */
    static String fullWidth(String text) {
        text.collect { String c ->
            char ch = c.charAt(0)
            ch == (char) ' ' ? '　' : (ch >= (char) '!' && ch <= (char) '~') ? String.valueOf((char) (ch + 0xFEE0)) : c
        }.join()
    }
}
