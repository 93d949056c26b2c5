package jp.madoguchi.acceptance.privacy

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.LoggerContext
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.classic.spi.ThrowableProxyUtil
import ch.qos.logback.core.AppenderBase
import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.KioskRegistration
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population
import jp.madoguchi.application.port.in.StartReceptionUseCase
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.Operator
import java.net.http.HttpClient
import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase
import jp.madoguchi.demo.synthetic.SyntheticPopulation
import jp.madoguchi.domain.shared.LocalGovernmentCode
import org.slf4j.LoggerFactory
import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import java.time.LocalDateTime
import java.util.function.IntConsumer
import java.util.concurrent.ConcurrentLinkedQueue

/**
 * 個人番号はログに出ない: the whole system runs at DEBUG while it imports the demo registry (個人番号 in every
 * row), reads a card with its 個人番号 for 特例転入, refuses a linkage file whose rows carry broken 個人番号 and
 * shows residents; then every log line, stack trace and report file is searched for every fixture 個人番号.
 */
class IndividualNumberNeverLoggedAcceptanceSpec extends Specification {

    /** The demo population (the settings RunningMadoguchi starts with). */
    static final Population POPULATION = new Population(new LocalGovernmentCode('999997'),
            '見本県', 'みらい市', 20261122L, LocalDate.parse('2026-04-01'))

    def "取込・カード読み取り・取込エラー・画面表示のどのログと報告にも、個人番号が現れない"() {
        given: 'everything logged, at DEBUG'
        def captured = new ConcurrentLinkedQueue<String>()
        def root = (LoggerFactory.getILoggerFactory() as LoggerContext).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        def previous = root.level
        def appender = new AppenderBase<ILoggingEvent>() {
            @Override
            protected void append(ILoggingEvent event) {
                captured.add(event.formattedMessage + ' ' + (event.throwableProxy ? ThrowableProxyUtil.asString(event.throwableProxy) : '')
                        + ' ' + event.MDCPropertyMap)
            }
        }
        appender.context = root.loggerContext
        appender.start()
        root.addAppender(appender)
        root.level = Level.DEBUG

        and: 'the fixture 個人番号: those of the demo population'
        def numbers = new SyntheticPopulation(POPULATION).generate(400)
                .collectMany { it.household().members() }.findAll { it.individualNumber() != null }
                .collect { it.individualNumber().reveal() }
        def answers = []
        def exports = []

        when: 'the system imports its demo registry and serves a day'
        def app = RunningMadoguchi.start()
        def browser = Browser.open()
        def card = app.bean(SimulatedCardTerminal).card().get()
        try {
            // 特例転入 asks the agent for the 個人番号 and looks the certificate up by it
            browser.go(app.url('/kiosk/identify?procedure=MOVE_IN_NOTIFICATION'))
            browser.click('.keypad button[data-clear]')
            '1234'.each { browser.click(".keypad button[data-digit='${it}']") }
            browser.clickAndLoad('#read-card')
            assert browser.currentPath() == '/kiosk/identify'

            // a registry file whose 個人番号 fail their check digit is refused with a report
            def work = Files.createTempDirectory('linkage')
            def generated = app.bean(GenerateSyntheticResidentsUseCase).generate(new GenerateSyntheticResidentsUseCase.GenerateCommand(
                    POPULATION, 400, work, LocalDateTime.of(2026, 6, 1, 0, 0)), { } as IntConsumer)
            def full = generated.files().find { it.fileName.toString().startsWith('001o005_') }
            def lines = new String(Files.readAllBytes(full), StandardCharsets.UTF_8).split('\r\n') as List
            def header = lines[0].replace('\uFEFF', '').replace('"', '').split(',', -1) as List
            def column = header.indexOf('個人番号')
            def broken = [lines[0]] + lines.drop(1).collect { line ->
                def cells = line.split(',', -1)
                if (cells[column] ==~ /"?\d{12}"?/) {
                    def digits = cells[column].replace('"', '')
                    cells[column] = digits.substring(0, 11) + ((digits[11] as int) + 1) % 10
                }
                cells.join(',')
            }
            Files.createDirectories(app.linkageInbox())
            Files.writeString(app.linkageInbox().resolve('001o005_20260601000000_FULL.csv'), broken.join('\r\n') + '\r\n')
            login(browser, app, 'admin')
            browser.go(app.url('/admin/imports'))
            browser.clickAndLoad('#run-now button')
            assert browser.text('#ran').contains('取り込めなかったファイル 1 件')

            // a clerk views residents
            browser.go(app.url('/staff/residents'))
            browser.type('#search-kana input[name=kana]', 'ア')
            browser.clickAndLoad('#search-kana button')
            browser.go(app.url('/staff/residents/0000000019'))

            // a 個人番号 typed where it does not belong: every refusal is looked at
            def http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
            def clerk = StaffLogin.overHttp(http, app, 'clerk')
            def typed = numbers.first()
            def reception = visit(app)
            answers << KioskRegistration.get(http, app, "/staff/residents/${typed}", clerk)
            answers << KioskRegistration.post(http, app, '/staff/residents', clerk, "number=${typed}")
            answers << KioskRegistration.post(http, app, '/staff/residents', clerk, "born=${typed}")
            answers << KioskRegistration.post(http, app, "/staff/receptions/${reception}/identity", clerk,
                    "version=${version(app, reception)}&addresseeNumber=${typed}")
            answers << KioskRegistration.get(http, app, "/staff/receptions/${typed}", clerk)
            answers << KioskRegistration.post(http, app, '/kiosk/pre-entry/scan', KioskRegistration.anonymous(http, app), "code=${typed}")
            answers << KioskRegistration.post(http, app, '/kiosk/move-in/certificate', KioskRegistration.anonymous(http, app), "code=${typed}")
            answers << KioskRegistration.get(http, app, "/admin/audit?resident=${typed}", StaffLogin.overHttp(http, app, 'auditor'))

            // a visit finished: its data goes to the back office; the auditor exports the whole access history
            ['hearing', 'confirm', 'print', 'complete'].each { step ->
                def done = KioskRegistration.post(http, app, "/staff/receptions/${reception}/${step}", clerk, "version=${version(app, reception)}")
                assert done.statusCode() == 303
            }
            // the delivery job hands the records over within seconds
            for (int i = 0; i < 100 && !(Files.exists(app.exportFolder()) && Files.list(app.exportFolder()).withCloseable { it.count() } > 0); i++) {
                Thread.sleep(100)
            }
            exports.addAll(Files.walk(app.exportFolder()).filter { Files.isRegularFile(it) }.collect { Files.readString(it) })
            assert !exports.isEmpty()
            exports << KioskRegistration.post(http, app, '/admin/audit/export', StaffLogin.overHttp(http, app, 'auditor'),
                    'actor=&resident=&from=&to=&action=').body()
        } finally {
            browser.close()
            app.close()
            root.detachAppender(appender)
            root.level = previous
        }
        def reports = Files.walk(app.linkageInbox().parent.parent)
                .filter { Files.isRegularFile(it) && it.fileName.toString() ==~ /.*\.(log|txt)$/ }
                .collect { it.toString() + ': ' + Files.readString(it) }

        def refusals = answers.findAll { it.statusCode() >= 400 || it.body().contains('class="error"') }

        then: 'there was plenty to look at'
        captured.size() > 500
        numbers.size() > 300
        reports.any { it.contains('個人番号') }
        refusals.size() >= 6
        exports.size() >= 2
        exports.last().readLines().size() > 20

        and: 'no 個人番号 — as written, or with the broken check digit — in logs, reports, refusals or exports'
        def texts = captured + reports + refusals.collect { it.uri().toString().replaceAll(/\d{12}/, '…') + ' ' + it.body() } + exports
        def leaks = texts.findAll { text -> numbers.any { n -> text.contains(n) || text.contains(n.substring(0, 11)) } }
        leaks.isEmpty()
    }

    /** A visit for a resident with a 個人番号, as the kiosk opens one. */
    private static String visit(RunningMadoguchi app) {
        def resident = app.bean(org.jdbi.v3.core.Jdbi).withHandle {
            it.createQuery("SELECT min(addressee_number) FROM resident WHERE individual_number_sealed IS NOT NULL AND status = '1'").mapTo(String).one()
        }
        app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(POPULATION.city(), Channel.KIOSK,
                new AddresseeNumber(resident), ['RESIDENT_CERTIFICATE'], Operator.kiosk('KIOSK-01'), null)).number().value()
    }

    private static long version(RunningMadoguchi app, String reception) {
        app.bean(org.jdbi.v3.core.Jdbi).withHandle { it.createQuery('SELECT version FROM reception WHERE number = :n').bind('n', reception).mapTo(Long).one() }
    }

    private static void login(Browser browser, RunningMadoguchi app, String user) {
        StaffLogin.inBrowser(browser, app, user)
    }
}
