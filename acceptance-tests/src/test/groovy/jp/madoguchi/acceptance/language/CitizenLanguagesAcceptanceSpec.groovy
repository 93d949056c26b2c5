package jp.madoguchi.acceptance.language

import jp.madoguchi.acceptance.support.Accessibility
import jp.madoguchi.adapters.documents.printing.SimulatedPrintQueue
import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.KioskQuestions
import jp.madoguchi.acceptance.support.Pdfs
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.out.ContentConfirmations
import jp.madoguchi.application.port.out.GuidanceCatalogue
import jp.madoguchi.application.port.out.VisitLanguages
import jp.madoguchi.domain.language.Language
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import org.openqa.selenium.By
import org.openqa.selenium.interactions.Actions
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * 多言語: the citizen chooses a language with the button every screen has; the kiosk story runs in it to the slip,
 * the visit keeps it, and the counter tablet shows the same visit in it, though the tablet never chose. やさしい日本語
 * has ふりがな over every kanji. Staff pages stay Japanese.
 */
@Stepwise
class CitizenLanguagesAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start()

    @Shared
    Browser kiosk = Browser.open()

    @Shared
    Browser clerk = Browser.open()

    @Shared
    String lastNumber

    def cleanupSpec() {
        kiosk?.close()
        clerk?.close()
        app?.close()
    }

    def "英語: 言語ボタンから English を選び、記載台の受付を受付票まで英語で進める"() {
        when: 'the language button of the first screen, then English'
        kiosk.go(app.url('/kiosk'))
        kiosk.clickAndLoad('#language')
        def offered = kiosk.texts('#languages a')
        kiosk.clickAndLoad("#languages a[data-language='en']")

        then: 'seven languages, each in its own name; back on the first screen, in English'
        offered == ['日本語', 'やさしい にほんご', 'English', '简体中文', '한국어', 'Tiếng Việt', 'Português']
        kiosk.currentPath() == '/kiosk'
        kiosk.attribute('html', 'lang') == 'en'
        kiosk.text('main h2') == 'What would you like to do?'
        kiosk.text("a[data-procedure='RESIDENT_CERTIFICATE']") == 'Copy of residence record'
        kiosk.text("a[data-event='MARRIAGE']") == 'I got married'
        Accessibility.check(kiosk, 'language-en-home').isEmpty()

        when: 'a certificate, the card and its PIN'
        kiosk.clickAndLoad("a[data-procedure='RESIDENT_CERTIFICATE']")

        then:
        kiosk.exists('#language')
        kiosk.text('main h2') == "Please identify yourself with your My Number Card or driver’s licence"
        kiosk.text('#procedure-name') == 'Copy of residence record'
        kiosk.text('#read-card') == 'Read the card'

        when: 'a wrong PIN: the card reader\'s answer is told in English too'
        kiosk.type('#pin', '9999')
        kiosk.click('#read-card')

        then:
        kiosk.waitForText('#error') == 'The PIN is wrong. After 2 more wrong tries the card is locked.'

        when:
        kiosk.type('#pin', '1234')
        kiosk.clickAndLoad('#read-card')

        then: 'the questions in English; the values posted stay the form\'s own'
        kiosk.text('main h2') == 'A few questions'
        kiosk.text("fieldset[data-key='請求の範囲'] legend") == 'Is it for everyone in the household or only some members?'
        kiosk.texts("fieldset[data-key='請求の範囲'] label span") == ['Everyone in the household', 'Some members']
        kiosk.attribute("fieldset[data-key='請求の範囲'] input", 'value') == '世帯全員'
        Accessibility.check(kiosk, 'language-en-questions').isEmpty()

        when:
        KioskQuestions.answer(kiosk, ['請求の範囲': '世帯全員', '記載事項': '省略'])

        then: 'every item and its source in English, the registry\'s values as they are'
        kiosk.text('main h2') == 'Please check the details'
        kiosk.text("#review tr[data-label='氏名'] th") == 'Name'
        KioskQuestions.source(kiosk, '氏名') == 'Resident register'
        KioskQuestions.source(kiosk, '請求の範囲') == 'Your answer'
        kiosk.text("#review tr[data-label='請求の範囲'] th") == 'Whose record'
        KioskQuestions.value(kiosk, '氏名') ==~ /.*\p{IsHan}.*/
        Accessibility.check(kiosk, 'language-en-confirm').isEmpty()

        when:
        kiosk.clickAndLoad('#receive')
        def number = kiosk.text('#reception-number')

        then: 'the slip in English; the visit keeps the language'
        kiosk.text('main h2') == 'Reception slip'
        kiosk.text('#slip-department') == 'Citizen Affairs Division'
        kiosk.text('#slip-procedures') == 'Copy of residence record'
        app.bean(VisitLanguages).of(CITY, ReceptionNumber.parse(number)).get() == Language.ENGLISH
        kiosk.screenshot('60-言語-英語の受付票')

        and: 'the printed slip too, with the Japanese names beside for the staff'
        def printed = Pdfs.text(app.bean(SimulatedPrintQueue).jobs().last().content())
        printed.contains('Reception slip')
        printed.contains("Reception number ${number}")
        folded(printed).contains(folded('Copy of residence record／住民票の写し'))
        folded(printed).contains(folded('Citizen Affairs Division／市民課'))
        !printed.contains('〓')

        when: 'the clerk opens the same visit'
        StaffLogin.inBrowser(clerk, app, 'clerk')
        clerk.go(app.url("/staff/receptions/${number}"))

        then: 'staff pages stay Japanese'
        clerk.attribute('html', 'lang') == 'ja'

        when: 'the citizen is done: the kiosk starts over in Japanese for the next one'
        kiosk.clickAndLoad('main a.button.primary')

        then:
        kiosk.attribute('html', 'lang') == 'ja'
        kiosk.text('main h2') == 'ご用件をお選びください'
    }

    def "やさしい日本語: すべての漢字にふりがながつき、受付票まで進める"() {
        when:
        kiosk.go(app.url('/kiosk/language/easy?back=/kiosk'))

        then: 'Japanese for screen readers, with ruby over every kanji outside the ruby'
        kiosk.attribute('html', 'lang') == 'ja'
        kiosk.attribute('html', 'data-language') == 'easy'
        kiosk.exists('main ruby rt')
        unreadKanji() == []
        kiosk.exists("a[data-event='MARRIAGE'] ruby")

        when:
        kiosk.clickAndLoad("a[data-procedure='RESIDENT_CERTIFICATE']")

        then:
        unreadKanji() == []
        kiosk.exists('#language')

        when:
        kiosk.type('#pin', '1234')
        kiosk.clickAndLoad('#read-card')

        then:
        unreadKanji() == []

        when:
        KioskQuestions.answer(kiosk, ['請求の範囲': '世帯全員', '記載事項': '省略'])

        then: 'the confirmation: the items have readings; the values (a name, an address) are the registry\'s own'
        unreadKanjiOutside('#review td.value') == []
        Accessibility.check(kiosk, 'language-easy-confirm').isEmpty()

        when:
        kiosk.clickAndLoad('#receive')
        def number = kiosk.text('#reception-number')

        then:
        unreadKanji() == []
        app.bean(VisitLanguages).of(CITY, ReceptionNumber.parse(number)).get() == Language.EASY_JAPANESE
        kiosk.screenshot('61-言語-やさしい日本語の受付票')
    }

    def "ベトナム語: 記載台でベトナム語を選んだ受付は、窓口のタブレットでもベトナム語で確認して署名する"() {
        given: 'a visit taken in Tiếng Việt, then the kiosk starts over (the browser then serves as the tablet)'
        kiosk.go(app.url('/kiosk/language/vi?back=/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
        kiosk.type('#pin', '1234')
        kiosk.clickAndLoad('#read-card')
        KioskQuestions.answer(kiosk, ['請求の範囲': '世帯全員', '記載事項': '省略'])
        kiosk.clickAndLoad('#receive')
        def number = kiosk.text('#reception-number')
        lastNumber = number
        kiosk.go(app.url('/kiosk/language/start-over'))
        assert kiosk.attribute('html', 'lang') == 'ja'

        when: 'the clerk sends the content to the tablet'
        clerk.go(app.url("/staff/receptions/${number}"))
        clerk.clickAndLoad('#step-hearing')
        clerk.go(app.url("/staff/receptions/${number}/forms"))
        clerk.type('#answer-使用目的', '勤務先に提出')
        clerk.clickAndLoad('#save-answers')
        clerk.selectValue('#tablet-terminal', 'KIOSK-01')
        clerk.clickAndLoad('#send-to-tablet')
        kiosk.go(app.url('/kiosk/tablet'))

        then: 'the tablet speaks the visit\'s language'
        kiosk.attribute('html', 'lang') == 'vi'
        kiosk.text('main h2') == 'Vui lòng kiểm tra nội dung đơn của bạn'
        kiosk.text("#review tr[data-label='氏名'] th") == 'Họ và tên'
        kiosk.text("#review tr[data-label='氏名'] .source") == 'Sổ đăng ký cư trú'
        kiosk.text("#review tr[data-label='使用目的'] .value") == '勤務先に提出'
        kiosk.text('#content-ok') == 'Nội dung đã đúng'
        Accessibility.check(kiosk, 'language-vi-tablet').isEmpty()
        kiosk.screenshot('62-言語-ベトナム語のタブレット')

        when: 'the citizen would rather read English: the tablet\'s language button changes the visit\'s language'
        kiosk.clickAndLoad('#language')
        kiosk.clickAndLoad("#languages a[data-language='en']")

        then:
        kiosk.currentPath() == '/kiosk/tablet'
        kiosk.text('main h2') == 'Please check the details of your form'
        app.bean(VisitLanguages).of(CITY, ReceptionNumber.parse(number)).get() == Language.ENGLISH

        when: 'and back to Vietnamese'
        kiosk.clickAndLoad('#language')
        kiosk.clickAndLoad("#languages a[data-language='vi']")

        then:
        kiosk.text('main h2') == 'Vui lòng kiểm tra nội dung đơn của bạn'

        when: 'the citizen confirms and signs'
        def shown = kiosk.attribute('#content-sha256', 'value')
        kiosk.click('#content-ok')
        def pad = kiosk.driver().findElement(By.id('pad'))
        new Actions(kiosk.driver()).moveToElement(pad, -100, 0).clickAndHold().moveByOffset(80, 20)
                .moveByOffset(80, -30).release().perform()
        kiosk.clickAndLoad('#done')

        then: 'thanked in Vietnamese; what was confirmed is the form\'s content, whatever language showed it'
        kiosk.text('#thanks') == 'Cảm ơn bạn'
        app.bean(ContentConfirmations).find(CITY, ReceptionNumber.parse(number)).get().contentSha256() == shown
    }

    def "手続案内書: 受付の言語が先頭に出て、7つの言語で印刷でき、訳と日本語の手続名がすべての字形で入る"() {
        given: 'the Vietnamese visit of the last step; the clerk determines its related procedures'
        def number = lastNumber
        clerk.go(app.url("/staff/receptions/${number}/related"))
        clerk.select('#event', '転入（国内）')
        clerk.clickAndLoad('#determine')

        expect: 'the visit\'s language is the first sheet offered'
        clerk.attribute('#guidance-sheets a', 'id') == 'guidance-vi'
        clerk.text('#guidance-vi').contains('この受付の言語')

        when:
        def sheets = ['ja', 'easy', 'en', 'zh', 'ko', 'vi', 'pt'].collectEntries { lang ->
            def pdf = clerk.download(app.url("/staff/receptions/${number}/related/guidance.pdf?lang=${lang}"))
            java.nio.file.Files.write(Browser.SCREENSHOTS.resolve("63-手続案内書-${lang}.pdf"), pdf)
            [(lang): Pdfs.text(pdf)]
        }
        def guidance = app.bean(GuidanceCatalogue)

        // やさしい日本語 is the Japanese sheet with readings between the words: checked for its readings below
        def misses = sheets.findAll { it.key != 'easy' }.collectMany { lang, text ->
            def language = lang
            def guide = guidance.procedure('MOVE_IN_NOTIFICATION', language).get()
            [guidance.label('title', language), guide.name(), guide.description(), guide.bring(), guide.deadline()]
                    .findAll { !folded(text).contains(folded(it)) }.collect { "${lang}: ${it}" }
        }

        then: 'each sheet has its title and, for the move-in notification, every line in its words'
        misses == []

        and: 'the Japanese name beside the translation, for the staff at the next counter'
        ['en', 'zh', 'ko', 'vi', 'pt'].every { folded(sheets[it]).contains(folded(guidance.procedure('MOVE_IN_NOTIFICATION', it).get().name() + '／転入届')) }
        folded(sheets.vi).contains(folded('Phòng Công dân／市民課'))

        and: 'やさしい日本語 reads its words; no glyph was missing anywhere (a missing one prints as 〓)'
        sheets.easy.contains('転入 てんにゅう') && sheets.easy.contains('案内書 あんないしょ')
        sheets.values().every { !it.contains('〓') }

        and: 'the dates in each language\'s own way'
        sheets.ja =~ /令和\d+年/
        sheets.ko =~ /\d{4}년 \d{1,2}월 \d{1,2}일/
        sheets.vi.contains('tháng')
    }

    def "スマートフォンの事前入力は、言語を選ぶまでブラウザの言語で出る（対応していなければ日本語）"() {
        given:
        def http = java.net.http.HttpClient.newHttpClient()
        def page = { String path, String accept ->
            http.send(java.net.http.HttpRequest.newBuilder(URI.create(app.url(path))).header('Accept-Language', accept).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body()
        }

        expect: 'the first of the browser\'s languages Madoguchi speaks'
        page('/kiosk/pre-entry', 'vi-VN,vi;q=0.9,en;q=0.8').contains('Chọn thủ tục trước khi đến')
        page('/kiosk/pre-entry', 'fr-FR,fr;q=0.9,pt-BR;q=0.8').contains('Escolha seus procedimentos antes de vir')
        page('/kiosk/pre-entry', 'de-DE,de;q=0.9').contains('来庁前にご用件を選んでおけます')

        and: 'the kiosk\'s own pages never follow a browser'
        page('/kiosk', 'en-US,en;q=0.9').contains('ご用件をお選びください')
    }

    /** Whitespace out: a line may wrap anywhere in CJK text. */
    private static String folded(String text) {
        text.replaceAll(/[\s\u00a0]+/, '')
    }

    /** Kanji in the page's main text that no ruby reads (ruby bases and their readings aside). */
    private List<String> unreadKanji() {
        unreadKanjiOutside(null)
    }

    private List<String> unreadKanjiOutside(String skipped) {
        kiosk.execute('''
            const skip = arguments[0];
            const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
            const unread = [];
            while (walker.nextNode()) {
              const node = walker.currentNode;
              const parent = node.parentElement;
              if (parent.closest('ruby, script, style, option, [hidden]') || (skip && parent.closest(skip))) { continue; }
              const found = node.textContent.match(/\\p{Script=Han}/gu);
              if (found) { unread.push(...found); }
            }
            return [...new Set(unread)];''', skipped ?: '') as List<String>
    }
}
