package jp.madoguchi.acceptance.visit

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.Pdfs
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.StartReceptionUseCase
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.Jdbi
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise


/**
 * 関連手続と手続案内書: a 転入 household with children and a member over 75 gets its related procedures with reasons,
 * the clerk removes and adds some, the guidance sheet prints in Japanese (with and without furigana) and English,
 * and a rule edited on the administrator's page changes the next determination without a restart while the earlier
 * reception keeps the version it used.
 */
@Stepwise
class RelatedProceduresAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    @Shared RunningMadoguchi app = RunningMadoguchi.start()
    @Shared Browser browser = Browser.open()
    @Shared Map household
    @Shared String first

    def setupSpec() {
        // a household of the demo data with a member of 76 or more and a child under 15 on today's date
        household = app.bean(Jdbi).withHandle { h ->
            h.createQuery('''
                    SELECT min(addressee_number) FILTER (WHERE birth_date <= current_date - interval '76 years') AS elder,
                           (array_agg(name ORDER BY birth_date) FILTER (WHERE birth_date <= current_date - interval '76 years'))[1] AS elder_name,
                           min(addressee_number) AS anyone
                      FROM resident WHERE city_code = '999997' AND status = '1'
                     GROUP BY household_number
                    HAVING bool_or(birth_date <= current_date - interval '76 years')
                       AND bool_or(birth_date > current_date - interval '15 years')
                     ORDER BY household_number LIMIT 1''').mapToMap().findOne().orElse(null)
        }
    }

    def cleanupSpec() {
        browser?.close()
        app?.close()
    }

    def "転入の世帯（子どもと76歳以上の方）: 関連手続が理由つきで、担当課ごとに並ぶ"() {
        expect: 'the demo data has such a household'
        household != null

        when:
        first = reception()
        StaffLogin.inBrowser(browser, app, 'clerk')
        browser.go(app.url("/staff/receptions/${first}"))
        browser.clickAndLoad('#related-link')
        browser.select('#event', '転入（国内）')
        browser.select('#answer-職場の健康保険', 'なし')
        browser.clickAndLoad('#determine')

        then:
        browser.text('#notice').startsWith('関連手続を判定しました')
        def rows = browser.texts('#related-list tr[data-code]')
        rows.any { it.contains('後期高齢者医療の資格取得') && it.contains(household.elder_name as String) && it.contains('75歳以上の方は後期高齢者医療に入るため') && it.contains('MOVE_IN_LATE_ELDERLY 第1版') }
        rows.any { it.contains('児童手当の認定請求') && it.contains('世帯') && it.contains('世帯に高校生年代までのお子さんがいるため') }
        rows.any { it.contains('転入届') }
        browser.texts('.counter-group h4').indexOf('市民課') < browser.texts('.counter-group h4').indexOf('こども家庭課')
        browser.screenshot('40-staff-関連手続')
    }

    def "削除には理由が要り、削除した手続は理由とともに残る。職員が手続を追加できる"() {
        when: 'removing without a reason'
        browser.clickAndLoad('#related-list tr[data-code=SEAL_REGISTRATION] .remove-button')

        then:
        browser.text('#error') == '削除する理由を入力してください（例: 職場の健康保険に加入済み）'
        !browser.exists('#related-list tr.removed')

        when: 'with a reason'
        browser.type('#related-list tr[data-code=SEAL_REGISTRATION] input[name=reason]', '実印は不要とのこと')
        browser.clickAndLoad('#related-list tr[data-code=SEAL_REGISTRATION] .remove-button')

        then:
        browser.text('#related-list tr.removed[data-code=SEAL_REGISTRATION]').contains('削除: 実印は不要とのこと')

        when: 'the clerk adds a procedure the rules did not suggest'
        browser.select('#add-procedure', '犬の登録事項変更届（環境課）')
        browser.type('#add-reason', '犬を飼い始める予定')
        browser.clickAndLoad('#add-button')

        then:
        browser.text('#related-list tr[data-code=DOG_REGISTRATION_CHANGE]').contains('犬を飼い始める予定')
        browser.text('#related-list tr[data-code=DOG_REGISTRATION_CHANGE]').contains('職員が追加')

        when:
        browser.go(app.url("/staff/receptions/${first}"))

        then: 'the reception tells what happened'
        browser.texts('#timeline tbody tr').any { it.contains('関連手続から削除: 印鑑登録（理由: 実印は不要とのこと）') }
        browser.texts('#timeline tbody tr').any { it.contains('関連手続に追加: 犬の登録事項変更届') }
    }

    def "手続案内書を日本語・ふりがなつき・英語で印刷できる"() {
        when:
        def ja = text(fetch("/staff/receptions/${first}/related/guidance.pdf?lang=ja"))
        def furigana = text(fetch("/staff/receptions/${first}/related/guidance.pdf?lang=ja&furigana=true"))
        def enBytes = fetch("/staff/receptions/${first}/related/guidance.pdf?lang=en")
        def en = text(enBytes)

        then: 'Japanese: grouped by counter in visiting order, with reasons, what to bring and the deadline'
        ja.contains('手続案内書')
        ja.contains("受付番号 ${first}")
        ja.contains('次の窓口:')
        ja.contains('後期高齢者医療の資格取得')
        ja.contains('75歳以上の方は後期高齢者医療に入るため')
        ja.contains('住み始めた日から14日以内')
        ja.contains('1. 市民課') && ja.contains('2. 保険年金課') && ja.indexOf('. 保険年金課') < ja.indexOf('. こども家庭課')
        ja.contains('次の窓口: 保険年金課（本庁舎1階 5・6番窓口）')
        !ja.contains('実印として使う印鑑を登録します')
        ja.contains('犬を飼い始める予定')

        and: 'furigana over the words'
        furigana.contains('こうれいしゃ')
        furigana.contains('てつづき')
        !ja.contains('こうれいしゃ')

        and: 'English wording from the English data'
        en.contains('Guide to your procedures')
        en.contains('Next counter:')
        en.contains('Join Medical Care for the Elderly (75+)')
        en.contains('Members aged 75 or over join Medical Care for the Elderly')
        en.contains('Within 14 days of moving in')
        en.contains('Moving in (within Japan)')
        new String(enBytes, 'ISO-8859-1').contains('IPAexMincho')
    }

    def "管理画面で規則を直すと、再起動なしに次の判定が変わり、前の受付は使った版のまま"() {
        given:
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'admin')

        when: 'a rule with a mistake is refused, and what was typed stays'
        browser.go(app.url('/admin/rules/MOVE_IN_LATE_ELDERLY'))
        def original = browser.attribute('#text', 'value')
        browser.type('#text', original.replace('年齢 >= 75', '年令 >= 75'))
        browser.clickAndLoad('#publish')

        then:
        browser.texts('#problems li').any { it.contains('5行目') && it.contains('条件の項目「年令」はありません') }
        browser.attribute('#text', 'value').contains('年令 >= 75')
        browser.texts('#history tbody tr').size() == 1

        when: 'the corrected rule is tried on the household, then published'
        browser.type('#text', original.replace('理由: 75歳以上の方は後期高齢者医療に入るため', '理由: 75歳以上の方は後期高齢者医療の被保険者になるため（改正）'))
        browser.type('#sample', household.anyone as String)
        browser.clickAndLoad('#dry-run')

        then:
        browser.texts('#dry-run-list tbody tr').any { it.contains('後期高齢者医療の資格取得') && it.contains('（改正）') }

        when:
        browser.clickAndLoad('#publish')

        then:
        browser.text('#notice').startsWith('第2版を公開しました')
        browser.texts('#history tbody tr').size() == 2

        when: 'the next reception of the household is determined'
        def second = reception()
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'clerk')
        browser.go(app.url("/staff/receptions/${second}/related"))
        browser.select('#event', '転入（国内）')
        browser.clickAndLoad('#determine')

        then:
        browser.text('#related-list tr[data-code=LATE_ELDERLY_ENROLMENT]').contains('被保険者になるため（改正）')
        browser.text('#related-list tr[data-code=LATE_ELDERLY_ENROLMENT]').contains('MOVE_IN_LATE_ELDERLY 第2版')

        when: 'the earlier reception is opened again'
        browser.go(app.url("/staff/receptions/${first}/related"))

        then:
        browser.text('#related-list tr[data-code=LATE_ELDERLY_ENROLMENT]').contains('75歳以上の方は後期高齢者医療に入るため')
        browser.text('#related-list tr[data-code=LATE_ELDERLY_ENROLMENT]').contains('MOVE_IN_LATE_ELDERLY 第1版')
        text(fetch("/staff/receptions/${first}/related/guidance.pdf?lang=ja")).contains('75歳以上の方は後期高齢者医療に入るため')
    }

    private String reception() {
        app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(CITY, Channel.COUNTER,
                new AddresseeNumber(household.anyone as String), ['MOVE_IN_NOTIFICATION'],
                Operator.staff('clerk', '窓口 職員'))).number().value()
    }

    private byte[] fetch(String path) {
        browser.download(app.url(path))
    }

    private static String text(byte[] pdf) {
        Pdfs.text(pdf)
    }
}
