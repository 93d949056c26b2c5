package jp.madoguchi.acceptance.statistics

import java.net.http.HttpClient
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.ZoneId

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.acceptance.support.Pdfs
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase
import jp.madoguchi.application.port.in.WriteDailyReportUseCase
import jp.madoguchi.application.port.out.Receptions
import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * 統計: a week of visits over two departments and three channels, with known times, stored through the production
 * store; the supervisor reads the counts, the medians and 90th percentiles, the hour × weekday cells and the comparison
 * with the week before on the page and in the CSV, the charts carry titles and tables, and no name is shown to them.
 */
@Stepwise
class SupervisorStatisticsAcceptanceSpec extends Specification {

    static final ZoneId JST = ZoneId.of('Asia/Tokyo')
    static final Department SHIMIN = new Department('SHIMIN', '市民課')
    static final Department HOKEN = new Department('HOKEN', '保険年金課')
    static final Procedure CERTIFICATE = new Procedure('RESIDENT_CERTIFICATE', '住民票の写し', SHIMIN, LifeEvent.CERTIFICATE)
    static final Procedure SEAL = new Procedure('SEAL_CERTIFICATE', '印鑑登録証明書', SHIMIN, LifeEvent.CERTIFICATE)
    static final Procedure HEALTH = new Procedure('NATIONAL_HEALTH_INSURANCE', '国民健康保険の加入', HOKEN, LifeEvent.MOVE_IN)
    static final Operator ICHIRO = Operator.staff('c1', '窓口 一郎')
    static final Operator JIRO = Operator.staff('c2', '窓口 二郎')
    static final String WEEK = 'period=week&day=2026-11-11'

    @Shared RunningMadoguchi app = RunningMadoguchi.start()
    @Shared Browser browser = Browser.open()
    @Shared HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    @Shared Receptions receptions = app.bean(Receptions)
    @Shared LocalGovernmentCode city

    def setupSpec() {
        city = app.bean(jp.madoguchi.staff.config.MadoguchiSettings).city()
        // 2026-11-09 (月) 〜 11-15 (日). Waits: 4, 12, 12, 20, 45 (and one not yet called); handling: 10, 20, 30
        visit('2026-11-09T09:05', Channel.KIOSK, [CERTIFICATE], '2026-11-09T09:09', ICHIRO, '2026-11-09T09:19')
        visit('2026-11-09T09:40', Channel.KIOSK, [CERTIFICATE, SEAL], '2026-11-09T09:52', JIRO, '2026-11-09T10:12')
        visit('2026-11-10T13:10', Channel.COUNTER, [HEALTH], '2026-11-10T13:22', ICHIRO, '2026-11-10T13:52')
        visit('2026-11-12T10:00', Channel.PRE_ENTRY, [CERTIFICATE], '2026-11-12T10:20', JIRO, null)
        visit('2026-11-13T15:30', Channel.KIOSK, [HEALTH], '2026-11-13T16:15', ICHIRO, null)
        def late = visit('2026-11-13T16:50', Channel.COUNTER, [CERTIFICATE], null, null, null)
        // 回付 before being called: 市民課 sends it to 保険年金課
        change(late) { it.referTo(HOKEN, JIRO, at('2026-11-13T16:55'), '国保の相談が先') }
        // the week before: two visits
        visit('2026-11-02T09:00', Channel.KIOSK, [CERTIFICATE], '2026-11-02T09:10', ICHIRO, '2026-11-02T09:20')
        visit('2026-11-05T11:00', Channel.COUNTER, [HEALTH], null, null, null)

        app.bean(RegisterStaffAccountUseCase).registerIfAbsent(new RegisterStaffAccountUseCase.RegisterStaffCommand(city,
                'kacho', '課長 三郎', RunningMadoguchi.DEMO_PASSWORD, ['MANAGER'] as Set, null))
    }

    def cleanupSpec() {
        browser?.close()
        app?.close()
    }

    def "監督者: 週の件数（二つの手続の来庁も1件）、待ち時間・処理時間の中央値と90パーセンタイル、前の週との比較"() {
        when:
        StaffLogin.inBrowser(browser, app, 'supervisor')
        browser.go(app.url("/staff/statistics?${WEEK}"))

        then:
        browser.text('#period-label') == '2026年11月9日〜2026年11月15日（週）'
        figure('visits', 'current') == '6'
        figure('procedures', 'current') == '7'
        figure('completed', 'current') == '3'
        figure('waiting-median', 'current') == '12分'
        figure('waiting-p90', 'current') == '45分'
        figure('handling-median', 'current') == '20分'
        figure('handling-p90', 'current') == '30分'

        and: 'the week before had two visits'
        figure('visits', 'previous') == '2'
        figure('visits', 'previous-change') == '+4（+200.0%）'
        figure('waiting-median', 'previous') == '10分'
        figure('waiting-median', 'previous-change') == '+2分'

        and: 'per procedure: 住民票 in four visits, two finished'
        browser.text("#per-procedure tr[data-procedure='RESIDENT_CERTIFICATE'] .receptions") == '4'
        browser.text("#per-procedure tr[data-procedure='RESIDENT_CERTIFICATE'] .completed") == '2'
        browser.text("#per-procedure tr[data-procedure='RESIDENT_CERTIFICATE'] .waiting-median") == '12分'
        browser.text("#per-procedure tr[data-procedure='NATIONAL_HEALTH_INSURANCE'] .receptions") == '2'
        browser.text("#per-procedure tr[data-procedure='NATIONAL_HEALTH_INSURANCE'] .handling-median") == '30分'

        and: 'per department and channel'
        browser.text("#per-department tr[data-department='SHIMIN'] .receptions") == '4'
        browser.text("#per-department tr[data-department='HOKEN'] .receptions") == '2'
        browser.text("#per-channel tr[data-channel='KIOSK'] .receptions") == '3'
        browser.text("#per-channel tr[data-channel='COUNTER'] .receptions") == '2'
        browser.text("#per-channel tr[data-channel='PRE_ENTRY'] .receptions") == '1'

        and: 'hour × weekday: two on Monday at 9, one on Friday at 15 and one at 16'
        browser.text("#hour-weekday tr[data-weekday='月'] td[data-hour='9']") == '2'
        browser.text("#hour-weekday tr[data-weekday='金'] td[data-hour='15']") == '1'
        browser.text("#hour-weekday tr[data-weekday='金'] td[data-hour='16']") == '1'
        browser.text("#hour-weekday tr[data-weekday='火'] td[data-hour='9']") == '0'

        and: '回付 per pair of departments'
        browser.texts('#referrals tbody td') == ['市民課', '保険年金課', '1']
        browser.screenshot('statistics-週')
    }

    def "グラフは表題・説明と同じ数値の表を持ち、外部から何も読み込まない"() {
        expect:
        ['chart-procedures', 'chart-days', 'chart-heat', 'chart-waiting'].every { id ->
            browser.attribute("#${id}", 'role') == 'img' &&
                    browser.attribute("#${id}", 'aria-labelledby') == "${id}-title ${id}-desc".toString() &&
                    browser.execute("return document.getElementById('${id}-title').textContent") .toString().contains('2026年11月9日')
        }
        browser.texts('#per-day tbody tr td:nth-child(2)') == ['2', '1', '0', '1', '2', '0', '0']
        browser.texts('#waiting tbody tr td:nth-child(2)') == ['1', '0', '2', '0', '1', '0', '1', '0']
        browser.execute("return [...document.querySelectorAll('[src],[href]')].map(e => e.getAttribute('src') || e.getAttribute('href')).filter(u => /^(https?:)?\\/\\//.test(u)).length") == 0
    }

    def "監督者には職員名も住民名も見えない。職員別は権限のある役割だけ"() {
        expect: 'neither names of staff nor a staff table for the supervisor'
        !browser.exists('#per-staff')
        !browser.pageSource().contains('窓口 一郎')
        KioskRegistration.get(http, app, "/staff/statistics/staff.csv?${WEEK}", StaffLogin.overHttp(http, app, 'supervisor')).statusCode() == 404

        when: 'a 所属長 (role MANAGER) sees who started each hearing'
        def manager = StaffLogin.overHttp(http, app, 'kacho')
        def page = KioskRegistration.get(http, app, "/staff/statistics?${WEEK}", manager)
        def csv = KioskRegistration.get(http, app, "/staff/statistics/staff.csv?${WEEK}", manager)

        then:
        page.body().contains('id="per-staff"')
        csv.statusCode() == 200
        csv.body().readLines().find { it.startsWith('c1,') } == 'c1,窓口 一郎,3,2,12,45,10,30'
    }

    def "CSV: 画面と同じ数値（概要、手続別、曜日×時間帯）"() {
        given:
        def supervisor = StaffLogin.overHttp(http, app, 'supervisor')

        when:
        def summary = KioskRegistration.get(http, app, "/staff/statistics/summary.csv?${WEEK}", supervisor)
        def procedures = KioskRegistration.get(http, app, "/staff/statistics/procedures.csv?${WEEK}", supervisor)
        def hours = KioskRegistration.get(http, app, "/staff/statistics/hour-weekday.csv?${WEEK}", supervisor)
        def referrals = KioskRegistration.get(http, app, "/staff/statistics/referrals.csv?${WEEK}", supervisor)

        then:
        summary.headers().firstValue('Content-Type').get().startsWith('text/csv')
        summary.headers().firstValue('Content-Disposition').get().contains('statistics-summary-2026-11-09_2026-11-15.csv')
        def lines = summary.body().replace('\uFEFF', '').readLines()
        lines[0] == '項目,今期,前期間,前年同期'
        lines.contains('来庁,6,2,0')
        lines.contains('待ち時間中央値（分）,12,10,')
        procedures.body().readLines().contains('RESIDENT_CERTIFICATE,住民票の写し,4,2,12,20,10,20')
        hours.body().readLines().containsAll(['月,9,2', '金,15,1', '金,16,1'])
        lines.contains('回付,1,0,0')
        referrals.body().replace('\uFEFF', '').readLines() == ['回付元,回付先,件数', '市民課,保険年金課,1']
    }

    def "週報のPDF: 市の名前、期間、前の週との比較、手続別の表"() {
        when:
        def pdf = KioskRegistration.getBytes(http, app, "/staff/statistics/report.pdf?${WEEK}", StaffLogin.overHttp(http, app, 'supervisor'))
        def text = Pdfs.text(pdf.body()).replaceAll(/[\s\u3000]+/, '')

        then:
        pdf.statusCode() == 200
        pdf.headers().firstValue('Content-Disposition').get().contains("UTF-8''%E9%80%B1%E5%A0%B1_2026-11-09_2026-11-15.pdf")
        text.contains('みらい市週報')
        text.contains('2026年11月9日〜2026年11月15日（週）（比較:前期間2026年11月2日〜2026年11月8日（週）')
        text.contains('来庁62')
        text.contains('待ち時間の中央値12分10分')
        text.contains('住民票の写し42')
        text.contains('回付（課から課へ）')
        text.contains('回付元回付先件数市民課保険年金課1')
        !text.contains('窓口一郎')
    }

    def "日報は閉庁後に市の出力先へ（ここでは出力をその場で呼ぶ）"() {
        when:
        def where = app.bean(WriteDailyReportUseCase).writeDailyReport(city, LocalDate.of(2026, 11, 9))
        def text = Pdfs.text(Files.readAllBytes(Path.of(where))).replaceAll(/[\s\u3000]+/, '')

        then:
        Path.of(where).fileName.toString() == '日報_2026-11-09.pdf'
        Path.of(where).parent == app.dataDir().resolve('reports')
        text.contains('みらい市日報')
        text.contains('来庁20')
    }

    def "受付情報照会（監督者）: 過去の日の受付を条件で探せ、氏名は出ない"() {
        when:
        browser.go(app.url('/staff/statistics/receptions?from=2026-11-09&to=2026-11-15&procedure=RESIDENT_CERTIFICATE'))

        then:
        browser.texts('#receptions tbody tr td:nth-child(2)').size() == 4
        browser.texts('#receptions thead th').every { !it.contains('名前') }
        !browser.exists('#receptions a')

        when: 'state and department narrow it'
        browser.go(app.url('/staff/statistics/receptions?from=2026-11-09&to=2026-11-15&department=HOKEN&state=HEARING'))

        then:
        browser.texts('#receptions tbody tr td:nth-child(5)') == ['国民健康保険の加入']
        browser.texts('#receptions tbody tr td:nth-child(3)') == ['11/13 15:30']
    }

    def "受付情報照会（窓口）: 氏名・呼出番号で探し、受付票のQRの文字で受付を開く"() {
        given: 'a visit of a registered resident on 11/12'
        def resident = app.bean(org.jdbi.v3.core.Jdbi).withHandle { h ->
            h.createQuery('SELECT addressee_number, name, name_kana FROM resident WHERE name_kana IS NOT NULL ORDER BY addressee_number LIMIT 1')
                    .mapToMap().one() }
        def number = receptions.nextNumber(city, LocalDate.of(2026, 11, 12))
        receptions.add(Reception.open(city, number, Channel.COUNTER,
                new jp.madoguchi.domain.resident.AddresseeNumber(resident.addressee_number as String), [CERTIFICATE], JIRO,
                at('2026-11-12T11:00')))
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'clerk')

        when: 'by name, over the week'
        browser.go(app.url("/staff?from=2026-11-09&to=2026-11-15&name=${URLEncoder.encode(resident.name as String, 'UTF-8')}"))

        then:
        browser.texts('#receptions tbody tr').size() == 1
        browser.text("#receptions tr[data-number='${number.value()}'] td:nth-child(6)").replace(' ', '').replace('　', '') ==
                (resident.name as String).replace(' ', '').replace('　', '')

        when: 'by its フリガナ from the beginning'
        def kana = (resident.name_kana as String).substring(0, 3)
        browser.go(app.url("/staff?from=2026-11-09&to=2026-11-15&name=${URLEncoder.encode(kana, 'UTF-8')}"))

        then:
        browser.exists("#receptions tr[data-number='${number.value()}']")

        when: 'by call number on that day'
        browser.go(app.url("/staff?from=2026-11-12&to=2026-11-12&call=${number.callNumber()}"))

        then:
        browser.texts('#receptions tbody tr td:nth-child(2)') == [number.value()]

        when: 'the handheld scanner types the slip QR into the number field'
        browser.go(app.url('/staff'))
        browser.type('#inquiry-number', "MADOGUCHI:R:${city.value()}:${number.value()}\n")
        browser.waitForPath('/staff/receptions/')

        then:
        browser.currentPath() == "/staff/receptions/${number.value()}"

        when: 'a number that is not one'
        browser.go(app.url('/staff?number=abc'))

        then:
        browser.text('#error').contains('受付番号は 20261122-0007 の形')

        when: 'a slip of another city'
        browser.go(app.url("/staff?number=${URLEncoder.encode("MADOGUCHI:R:131016:${number.value()}", 'UTF-8')}"))

        then:
        browser.text('#error') == 'この市の受付票のQRコードではありません。'
        browser.currentPath() == '/staff'
    }

    def "期間の誤りは理由を示し、今日の統計を出す"() {
        when:
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'supervisor')
        browser.go(app.url('/staff/statistics?period=range&from=2026-11-15&to=2026-11-09'))

        then:
        browser.text('#error').contains('末日（2026年11月9日）が初日（2026年11月15日）より前です')
        browser.exists('#figures')
    }

    private String figure(String key, String column) {
        browser.text("#figures tr[data-figure='${key}'] .${column}")
    }

    /** A visit opened, called to 聞き取り and finished at the given city hall times (null: not got that far). */
    private Reception visit(String opened, Channel channel, List<Procedure> procedures, String heard, Operator clerk, String completed) {
        def reception = Reception.open(city, receptions.nextNumber(city, LocalDate.parse(opened.substring(0, 10))), channel,
                null, procedures, channel == Channel.COUNTER ? JIRO : Operator.kiosk('KIOSK-01'), at(opened))
        receptions.add(reception)
        if (heard == null) {
            return reception
        }
        change(reception) { it.startHearing(clerk, at(heard)) }
        if (completed == null) {
            return reception
        }
        change(reception) { it.confirm(clerk, at(heard).plusSeconds(60)) }
        change(reception) { it.markPrinted(clerk, at(heard).plusSeconds(120), procedures[0].name()) }
        // a visit with procedures in two departments would be sent on; these stay in one
        change(reception) { it.complete(clerk, at(completed)) }
        reception
    }

    private void change(Reception visit, Closure step) {
        def stored = receptions.find(city, visit.number()).get()
        step(stored)
        receptions.update(stored)
    }

    private static Instant at(String localTime) {
        LocalDateTime.parse(localTime).atZone(JST).toInstant()
    }
}
