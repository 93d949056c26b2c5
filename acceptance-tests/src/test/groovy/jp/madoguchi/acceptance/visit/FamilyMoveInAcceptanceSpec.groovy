package jp.madoguchi.acceptance.visit

import jp.madoguchi.acceptance.support.BrowserScenario
import jp.madoguchi.acceptance.support.Deliveries
import jp.madoguchi.acceptance.support.Eventually
import jp.madoguchi.acceptance.support.LinkageFiles
import jp.madoguchi.acceptance.support.Pdfs
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal
import jp.madoguchi.adapters.devices.cardreader.VirtualMyNumberCard
import jp.madoguchi.application.port.out.MoveOutCertificateCodes
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.moving.MoveOutCertificate
import jp.madoguchi.domain.resident.IndividualNumber
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.LocalDate

/**
 * 家族四人の転入: the father's My Number Card finds the 転出証明書情報 the former city sent for him, his wife and
 * their son (特例転入), the grandmother who moves in with them holds her paper 転出証明書 to the scanner, the kiosk
 * asks the day of the move as a touch choice, and at the counter the clerk calls the number and finishes the visit in
 * a handful of key presses, typing nothing: the 住民異動届 lists all four and the back office gets a record each.
 */
@Stepwise
class FamilyMoveInAcceptanceSpec extends BrowserScenario {

    static final IndividualNumber FATHER = IndividualNumber.fromFirstElevenDigits('27182818284')
    static final IndividualNumber MOTHER = IndividualNumber.fromFirstElevenDigits('16180339887')
    static final IndividualNumber SON = IndividualNumber.fromFirstElevenDigits('14142135623')
    static final LocalGovernmentCode UMI = LocalGovernmentCode.fromFiveDigits('99995')
    static final String FORMER = '見本県となり市港町8番9号'
    static final String NEW = '見本県みらい市栄町三丁目4番5号'
    static final MoveOutCertificate GRANDMOTHER = new MoveOutCertificate('R8-007704', UMI,
            '転入 トメ', 'テンニュウ トメ', LocalDate.of(1948, 3, 3), null, Sex.FEMALE, '世帯主', '転入 トメ',
            '見本県うみ町浜通1番2号', NEW, LocalDate.of(2026, 11, 25), '見本県うみ町浜通1番地', '転入 トメ',
            MoveOutCertificate.BusinessStatuses.NONE)
    static final List<String> FAMILY = ['転入 一郎', '転入 花子', '転入 翔太', '転入 トメ']

    @Shared
    String number

    @Shared
    Object demoCard

    def setupSpec() {
        LinkageFiles.importMoveOutCertificates(app, [
                ['R8-007701', '999989', '転入 一郎', 'テンニュウ イチロウ', '19840506', '1', '世帯主', '転入 一郎', FORMER, NEW,
                 '20261125', FATHER.reveal(), '見本県となり市港町8番地', '転入 一郎'],
                ['R8-007702', '999989', '転入 花子', 'テンニュウ ハナコ', '19860708', '2', '妻', '転入 一郎', FORMER, NEW,
                 '20261125', MOTHER.reveal(), '見本県となり市港町8番地', '転入 一郎'],
                ['R8-007703', '999989', '転入 翔太', 'テンニュウ ショウタ', '20150910', '1', '子', '転入 一郎', FORMER, NEW,
                 '20261125', SON.reveal(), '見本県となり市港町8番地', '転入 一郎']])
        def reader = app.bean(SimulatedCardTerminal)
        demoCard = reader.card().orElse(null)
        reader.place(VirtualMyNumberCard.of(new CardFace('転入 一郎', FORMER, '19840506', Sex.MALE), FATHER, '1234'))
    }

    def cleanupSpec() {
        app?.bean(SimulatedCardTerminal)?.place(demoCard)
    }

    def "記載台: 引っ越してきた → カードで三人、祖母の転出証明書で四人目。同じ証明書をもう一度かざしても増えない"() {
        when: 'the father starts from the event and reads his card'
        browser.go(app.url('/kiosk'))
        browser.clickAndLoad('a[data-event=MOVE_IN]')
        readDemoCard()

        then: 'the 転出証明書情報 of the family who left with him is found with his'
        browser.currentPath().startsWith('/kiosk/move-in/')
        browser.text('#basis') == '特例転入（マイナンバーカード）'
        browser.texts('#movers tbody th') == FAMILY.take(3)
        browser.text('#mover-count') == '3人'

        when: "the grandmother's paper certificate goes under the handheld scanner"
        number = browser.currentPath() - '/kiosk/move-in/'
        def code = app.bean(MoveOutCertificateCodes).write(GRANDMOTHER)
        browser.type('#code', code + '\n')
        Eventually.within(20) { browser.exists('#mover-count') && browser.text('#mover-count') == '4人' }

        then:
        browser.texts('#movers tbody th') == FAMILY
        browser.screenshot('40-kiosk-家族四人の転入')

        when: 'the same code once more'
        browser.type('#code', code + '\n')
        Eventually.within(20) { browser.exists('#error') }

        then: 'refused with the reason; still four'
        browser.text('#error').startsWith('転入 トメ さんの転出証明書はもう読み取っています')
        browser.text('#mover-count') == '4人'
    }

    def "記載台: 異動日と届出人を指で答え、出どころつきの内容を確かめて受付票を受け取る"() {
        when: 'everyone is there: the questions of the 転入届'
        browser.clickAndLoad('#to-questions')

        then: 'only what a finger can answer; the names and addresses are not asked'
        browser.texts('fieldset.question').size() == 2
        browser.exists("fieldset[data-key='異動年月日']")
        browser.exists("fieldset[data-key='届出人との関係'] input[value='本人']:checked")

        when: 'they moved in on 令和8年11月28日'
        browser.selectValue("select[name='date.異動年月日.era']", '令和')
        browser.selectValue("select[name='date.異動年月日.year']", '8')
        browser.selectValue("select[name='date.異動年月日.month']", '11')
        browser.selectValue("select[name='date.異動年月日.day']", '28')
        browser.click("fieldset[data-key='届出人との関係'] input[value='世帯主']")
        browser.clickAndLoad('#to-confirm')
        def rows = browser.texts('#review tbody tr')

        then: 'every value with where it came from: the certificates, and their own answers'
        browser.text('#procedure') == '転入届'
        rows.contains('氏名 転入 一郎 転出証明書')
        rows.contains('世帯員一覧 ' + FAMILY.join('、') + ' 転出証明書')
        rows.contains('異動年月日 令和8年11月28日 あなたの回答')
        rows.contains('届出人との関係 世帯主 あなたの回答')
        browser.screenshot('41-kiosk-転入の内容確認')

        when:
        browser.clickAndLoad('#receive')

        then:
        browser.text('#reception-number') == number
    }

    def "窓口: 番号を呼んでから完了まで、職員のキー操作は10回以内で、何も打たない"() {
        given: 'the clerk is logged in and the reception list is on the screen'
        StaffLogin.inBrowser(browser, app, 'clerk')
        browser.go(app.url('/staff'))
        int keys = 0
        def press = { String css -> keys++; browser.clickAndLoad(css) }

        when: 'call the number at 1番窓口; the visit opens'
        keys++
        browser.select('#call-counter', '市民課 1番窓口')
        press('#call-next')

        then:
        browser.currentPath() == "/staff/receptions/${number}"

        when: 'hear, confirm, print, finish'
        press('#step-hearing')
        def form = Pdfs.text(browser.download(app.url("/staff/receptions/${number}/form.pdf")))
        press('#step-confirm')
        press('#step-print')
        press('#step-complete')

        then: 'done in six key presses'
        browser.text('#state') == '完了'
        keys == 6
        keys <= 10

        and: 'the 住民異動届 lists all four, filled from the certificates, with the day they answered'
        FAMILY.every { form.contains(it) }
        form.contains('令和8年11月28日')
        form.contains('R8-007701')

        and: 'the timeline says how each came'
        def timeline = browser.texts('#timeline tbody tr')
        timeline.any { it.contains('同じ世帯で転入する方の転出証明書を読み取り（4人目）') }
        timeline.any { it.contains('記載台で本人が回答（') && it.contains('異動年月日') }
    }

    def "後方連携: 住民異動届データも転出証明書情報も、一人1行ずつ四人分届く"() {
        when:
        def moves = Deliveries.rows(app, 'RESIDENT_MOVE', number, 'MOVE_IN_NOTIFICATION', 4)
        def certificates = Deliveries.rows(app, 'MOVE_OUT_CERTIFICATE', number, 'MOVE_IN_NOTIFICATION', 4)

        then: 'each member with their own 続柄, birth date and former address; the move as answered on every row'
        moves*.get('氏名') == FAMILY
        moves*.get('続柄') == ['世帯主', '妻', '子', '世帯主']
        moves*.get('生年月日') == ['19840506', '19860708', '20150910', '19480303']
        moves*.get('前住所') == [FORMER, FORMER, FORMER, '見本県うみ町浜通1番2号']
        moves.every { it['異動の種類'] == '転入' && it['異動事由'] == '01' && it['異動年月日'] == '20261128' }
        moves.every { it['届出人との関係'] == '世帯主' }

        and:
        certificates*.get('転出証明書番号') == ['R8-007701', 'R8-007702', 'R8-007703', 'R8-007704']
        certificates*.get('転出元市区町村コード') == ['999989', '999989', '999989', UMI.value()]
        [FATHER, MOTHER, SON].every { n -> (moves + certificates).every { row -> !row.values().any { it.contains(n.reveal()) } } }
    }
}
