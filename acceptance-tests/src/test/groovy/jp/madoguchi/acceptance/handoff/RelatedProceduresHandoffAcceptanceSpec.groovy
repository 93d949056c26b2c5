package jp.madoguchi.acceptance.handoff

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.StartReceptionUseCase
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.Jdbi
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.net.http.HttpClient
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/**
 * 関連手続も受付の一部に: 転入の窓口で職員が残した国保の加入を受付に加えると、その申請書が転入届と一緒に印刷され、
 * 市民課の完了では転入届だけが、保険年金課の完了で国保の加入が、それぞれ基幹系へ届く。
 */
@Stepwise
class RelatedProceduresHandoffAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final List<String> KEPT = ['MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT']

    @Shared @AutoCleanup RunningMadoguchi app = RunningMadoguchi.start()
    @Shared @AutoCleanup Browser browser = Browser.open()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    @Shared String number
    @Shared String head
    @Shared int movesFromShimin

    def "管理者が市民課に限った窓口の職員を登録する"() {
        given:
        def admin = StaffLogin.overHttp(http, app, 'admin')

        expect:
        KioskRegistration.post(http, app, '/admin/staff/roles', admin, 'name=SHIMIN_ONLY&label=' + enc('市民課 窓口')
                + '&department=SHIMIN&permissions=RECEPTION&permissions=RESIDENT_SEARCH').statusCode() == 303
        KioskRegistration.post(http, app, '/admin/staff/accounts', admin, 'username=shimin2&displayName=' + enc('市民 二子')
                + '&password=' + enc(RunningMadoguchi.DEMO_PASSWORD) + '&roles=SHIMIN_ONLY').statusCode() == 303
    }

    def "転入の関連手続から国保の加入を残し、受付に加える"() {
        given: 'a 転入 at the counter for the head of a household'
        head = app.bean(Jdbi).withHandle {
            it.createQuery("""SELECT min(addressee_number) FROM resident WHERE city_code = '999997' AND status = '1'
                               AND relationship = '世帯主'""").mapTo(String).one()
        }
        number = app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(CITY, Channel.COUNTER,
                new AddresseeNumber(head), ['MOVE_IN_NOTIFICATION'], Operator.staff('clerk', '窓口 一郎'))).number().value()
        StaffLogin.inBrowser(browser, app, 'shimin2')
        browser.go(app.url("/staff/receptions/${number}/related"))
        browser.select('#event', '転入（国内）')
        browser.select('#answer-職場の健康保険', 'なし')
        browser.clickAndLoad('#determine')
        assert browser.exists('#related-list'): browser.screenshot('related-handoff-determine').toString()

        when: 'the clerk takes off the list everything but the 転入 and the 国保'
        removeAllBut(KEPT)
        assert browser.exists('#adopt'): browser.screenshot('related-handoff-removed').toString() + ' ' + browser.text('main')
        browser.clickAndLoad('#adopt')

        then:
        browser.text('#notice').startsWith('受付に追加しました（国民健康保険の加入）')
        browser.texts('#related-list tr[data-code=NHI_ENROLMENT]:not(.removed) .on-visit').every { it == '受付に追加済み' }
        browser.text('#adopt') == '残した手続はすべて受付にあります'

        when:
        browser.go(app.url("/staff/receptions/${number}"))

        then: 'the visit has both procedures, each with its department'
        browser.texts('#procedures li') == ['転入届 （市民課・未完了）', '国民健康保険の加入 （保険年金課・関連手続から追加・未完了）']
        browser.texts('#timeline tbody tr').any { it.contains('関連手続を受付に追加（国民健康保険の加入）') }
    }

    def "申請書は一緒に印刷され、市民課の完了では転入届だけが届き、受付は保険年金課へ回付される"() {
        when:
        browser.clickAndLoad('#step-hearing')
        browser.clickAndLoad('#step-confirm')
        browser.clickAndLoad('#step-print')

        then: 'the 国保 form printed with the 転入届'
        printedForms().sort() == ['MOVE_NOTIFICATION', 'NHI_ENROLMENT_NOTIFICATION']

        when:
        browser.clickAndLoad('#step-complete')

        then: 'a member of 市民課 only is taken back to the list, which says where the visit went'
        browser.currentPath() == '/staff'
        browser.text('#notice').startsWith('転入届を完了し')
        browser.text('#notice').endsWith('残りの手続のため保険年金課へ回付しました')

        and: 'the move rows are delivered, the 国保 record is not even queued'
        (movesFromShimin = queued('RESIDENT_MOVE')) >= 1
        delivered('RESIDENT_MOVE', 'MOVE_IN_NOTIFICATION', movesFromShimin).size() == movesFromShimin
        queued('NHI_ENROLMENT') == 0
        state() == [state: 'REFERRED', department: 'HOKEN']
    }

    def "保険年金課が完了すると、国保の加入がその課の完了として届き、受付が完了する"() {
        given:
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'clerk')
        browser.go(app.url("/staff/receptions/${number}"))

        when:
        browser.clickAndLoad('#step-hearing')
        browser.clickAndLoad('#step-confirm')
        browser.clickAndLoad('#step-print')
        browser.clickAndLoad('#step-complete')

        then:
        browser.text('#state') == '完了'
        browser.texts('#procedures li').every { it.contains('完了 ') }
        def row = delivered('NHI_ENROLMENT', 'NHI_ENROLMENT')[0]
        row['受付番号'] == number
        row['宛名番号'] == head
        row['完了操作者'] == 'clerk'
        state() == [state: 'COMPLETED', department: 'HOKEN']

        and: 'the 転入 was handed off once, by 市民課, before: this completion added no move row'
        queued('RESIDENT_MOVE') == movesFromShimin
        delivered('RESIDENT_MOVE', 'MOVE_IN_NOTIFICATION', movesFromShimin)*.get('完了操作者').unique() == ['shimin2']
    }

    /** Takes every listed item off except the kept procedures, each with a reason, through the page's forms. */
    private void removeAllBut(List<String> kept) {
        String codes = kept.collect { "'" + it + "'" }.join(',')
        while (true) {
            def code = browser.execute("""
                const row = [...document.querySelectorAll('#related-list tr[data-code]:not(.removed)')]
                    .find(r => ![${codes}].includes(r.dataset.code));
                if (!row) { return null; }
                row.querySelector('form.remove').id = 'to-remove';
                return row.dataset.code;""")
            if (code == null) {
                break
            }
            browser.type('#to-remove input[name=reason]', 'この受付では扱わない')
            browser.clickAndLoad('#to-remove .remove-button')
        }
    }

    private List<String> printedForms() {
        app.bean(Jdbi).withHandle {
            it.createQuery('SELECT form_id FROM reception_form_print WHERE number = :n').bind('n', number).mapTo(String).list()
        }
    }

    private int queued(String layout) {
        app.bean(Jdbi).withHandle {
            it.createQuery('SELECT count(*) FROM handoff_record WHERE reception = :n AND layout = :l')
                    .bind('n', number).bind('l', layout).mapTo(Integer).one()
        }
    }

    private Map state() {
        app.bean(Jdbi).withHandle {
            it.createQuery('SELECT state, department_code AS department FROM reception WHERE number = :n')
                    .bind('n', number).mapToMap().one()
        }
    }

    /** The rows delivered to the RPA folder for the visit's procedure, waiting for the delivery job. */
    private List<Map<String, String>> delivered(String layout, String procedure, int rows = 1) {
        String stem = "${layout}_999997-${number}-${procedure}"
        List<Path> files = []
        for (int i = 0; i < 100 && files.size() < rows; i++) {
            files = Files.exists(app.exportFolder()) ? Files.list(app.exportFolder()).withCloseable { s ->
                s.filter { it.fileName.toString().startsWith(stem) }.sorted().toList() } : []
            if (files.size() < rows) {
                Thread.sleep(100)
            }
        }
        files.collect { file ->
            def lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\uFEFF', '').split('\r\n')
            [jp.madoguchi.acceptance.support.Deliveries.cells(lines[0]), jp.madoguchi.acceptance.support.Deliveries.cells(lines[1])].transpose().collectEntries()
        }
    }

    static String enc(String s) {
        URLEncoder.encode(s, StandardCharsets.UTF_8)
    }
}
