package jp.madoguchi.acceptance.visit

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import org.openqa.selenium.support.ui.WebDriverWait
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.time.Duration

/**
 * 呼出: the clerk calls the next number from the reception list, and the display in the waiting area (a second
 * browser, never reloaded) shows it at once over server-sent events and says it to screen readers; 再呼出 and 不在
 * change it there too, and the visit's timeline keeps every call.
 */
@Stepwise
class CallingAcceptanceSpec extends Specification {

    @Shared
    RunningMadoguchi app = RunningMadoguchi.start()

    @Shared
    Browser clerk = Browser.open()

    @Shared
    Browser display = Browser.open()

    @Shared
    List<String> numbers = []

    def cleanupSpec() {
        clerk?.close()
        display?.close()
        app?.close()
    }

    def "記載台で2件受け付け、待合の呼出表示を開く"() {
        given: 'two kiosk visits for 住民票の写し (the clerk browser serves as the demo kiosk first)'
        2.times {
            clerk.go(app.url('/kiosk/identify?procedure=RESIDENT_CERTIFICATE'))
            clerk.type('#pin', '1234')
            clerk.clickAndLoad('#read-card')
            jp.madoguchi.acceptance.support.KioskQuestions.answer(clerk)
            clerk.clickAndLoad('#receive')
            numbers << clerk.text('#reception-number')
        }

        when:
        display.go(app.url('/kiosk/calls'))

        then: 'nobody is called yet; two wait at 市民課'
        display.text('#no-calls') == 'ただいまお呼びしている番号はありません。'
        waitUntil { display.texts('#waiting-body tr').contains('市民課 2人') }
        display.attribute('#chime', 'aria-pressed') == 'false'
    }

    def "窓口で「次の方を呼ぶ」を押すと、呼出表示に番号と窓口が出る"() {
        given:
        StaffLogin.inBrowser(clerk, app, 'clerk')
        clerk.go(app.url('/staff'))

        expect: 'the panel offers the counters of the clerk\'s departments; two wait uncalled'
        clerk.text('#call-waiting') == '2人'

        when: 'the clerk calls the next number at 市民課 1番窓口'
        clerk.select('#call-counter', '市民課 1番窓口')
        clerk.clickAndLoad('#call-next')

        then: 'the first visit opens, called'
        clerk.currentPath() == "/staff/receptions/${numbers[0]}"
        clerk.text('#notice') == "${callNumber(0)}番を呼び出しました（市民課 1番窓口）"
        clerk.texts('#timeline tbody tr').last().contains('呼出（市民課 1番窓口）')

        and: 'the display shows it without being reloaded, highlighted as waiting for that person, and says it'
        waitUntil { display.texts('#calls-body tr') == ["${callNumber(0)} 市民課 1番窓口 ${display.text('#calls-body tr .time')}".toString()] }
        waitUntil { display.attribute('#calls-body tr', 'class') == 'called' }
        waitUntil { display.text('#announcement') == "${callNumber(0)}番の方、市民課 1番窓口へお越しください。".toString() }
        waitUntil { display.texts('#waiting-body tr').contains('市民課 1人') }
        display.screenshot('40-呼出表示')
    }

    def "再呼出は同じ番号をもう一度知らせ、不在にすると表示から消えて一覧に「不在」と出る"() {
        when:
        display.execute("document.getElementById('announcement').textContent = ''")
        clerk.go(app.url('/staff'))
        clerk.clickAndLoad('#call-recall')

        then:
        clerk.text('#notice') == "${callNumber(0)}番を再呼出しました（市民課 1番窓口）"
        waitUntil { display.text('#announcement') == "${callNumber(0)}番の方、市民課 1番窓口へお越しください。".toString() }

        when:
        clerk.clickAndLoad('#call-absent')

        then:
        clerk.text('#notice') == "${callNumber(0)}番を不在にしました（市民課 1番窓口）"
        clerk.text("tr[data-number='${numbers[0]}'] .calling") == '不在（市民課 1番窓口）'
        waitUntil { display.text('#no-calls') == 'ただいまお呼びしている番号はありません。' }

        and: 'every call is in the timeline'
        clerk.go(app.url("/staff/receptions/${numbers[0]}"))
        def steps = clerk.texts('#timeline tbody tr')
        steps.count { it.contains('呼出（市民課 1番窓口）') && !it.contains('再呼出') } == 1
        steps.any { it.contains('再呼出（市民課 1番窓口）') }
        steps.last().contains('呼出に応答なし（不在、市民課 1番窓口）')
    }

    def "管理者が窓口を足すと、その窓口へ呼び出せる。聞き取りを始めると表示は呼出済みに変わる"() {
        given: 'an administrator adds 市民課 2番窓口'
        def admin = Browser.open()
        StaffLogin.inBrowser(admin, app, 'admin')
        admin.go(app.url('/admin/counters'))
        admin.type('#counter-code', 'shimin-2')
        admin.type('#counter-name', '2番窓口')
        admin.select('#counter-department', '市民課')
        admin.clickAndLoad('#save-counter')

        expect:
        admin.text('#notice') == '窓口「市民課 2番窓口」（SHIMIN-2）を保存しました'
        admin.texts('#counters tbody tr').any { it.startsWith('SHIMIN-2 市民課 2番窓口') }

        when: 'a wrong code is refused with what a code may hold'
        admin.type('#counter-code', '２番')
        admin.type('#counter-name', '2番窓口')
        admin.select('#counter-department', '市民課')
        admin.clickAndLoad('#save-counter')

        then:
        admin.text('#error').startsWith('窓口コードは英大文字・数字・ハイフンの20文字以内です')
        admin.close()

        when: 'the clerk calls the next number to the new counter'
        clerk.go(app.url('/staff'))
        clerk.select('#call-counter', '市民課 2番窓口')
        clerk.clickAndLoad('#call-next')

        then: 'the second visit is called there (the absent first one is not called again by itself)'
        clerk.currentPath() == "/staff/receptions/${numbers[1]}"
        waitUntil { display.text('#calls-body tr .counter') == '市民課 2番窓口' && display.text('#calls-body tr .number') == "${callNumber(1)}".toString() }

        when: 'the visitor came: the hearing starts'
        clerk.clickAndLoad('#step-hearing')

        then: 'the number stays on the display, no longer highlighted'
        waitUntil { display.attribute('#calls-body tr', 'class') == '' }

        when: 'nobody else waits'
        clerk.go(app.url('/staff'))
        clerk.clickAndLoad('#call-next')

        then:
        clerk.text('#notice') == 'お待ちの方はいません'
        clerk.text('#call-waiting') == '0人'
    }

    def "統計の窓口別に、呼び出した窓口ごとの来庁が出る"() {
        given:
        def supervisor = Browser.open()
        StaffLogin.inBrowser(supervisor, app, 'supervisor')

        when:
        supervisor.go(app.url('/staff/statistics'))

        then: 'one visit called to each counter (the recalled one counted once)'
        supervisor.text("#per-counter tr[data-counter='SHIMIN-1'] .receptions") == '1'
        supervisor.text("#per-counter tr[data-counter='SHIMIN-2'] .receptions") == '1'
        supervisor.texts('#definitions dd').any { it.startsWith('受付（記載台・窓口・事前入力の読み取り）から、最初に窓口へ呼び出した時まで') }

        and: 'the CSV of the counters'
        new String(supervisor.download(app.url('/staff/statistics/counters.csv')), 'UTF-8').contains('市民課 2番窓口')

        cleanup:
        supervisor?.close()
    }

    private int callNumber(int i) {
        Integer.parseInt(numbers[i].substring(9))
    }

    private void waitUntil(Closure<Boolean> condition) {
        // the page redraws its tables when the board changes: an element read mid-redraw is read again
        new WebDriverWait(display.driver(), Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException).until { condition() }
    }
}
