package jp.madoguchi.acceptance.visit

import jp.madoguchi.acceptance.support.Browser
import jp.madoguchi.acceptance.support.Pdfs
import jp.madoguchi.acceptance.support.RunningMadoguchi
import jp.madoguchi.acceptance.support.StaffLogin
import jp.madoguchi.adapters.documents.printing.SimulatedPrintQueue
import jp.madoguchi.application.port.in.DesignFormsUseCase
import jp.madoguchi.application.port.in.FormsAtCounterUseCase
import jp.madoguchi.application.port.in.StartReceptionUseCase
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.Jdbi
import org.openqa.selenium.By
import spock.lang.Shared
import spock.lang.Specification

import java.time.LocalDate

/**
 * 様式: every shipped form pre-filled for a generated resident; a form built from scratch in the designer, published
 * and printed with a resident's data; the tablet signature in the signature box; printing to a network printer is
 * recorded with the form version.
 */
class FormsAcceptanceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Operator CLERK = Operator.staff('clerk', '窓口 一郎')

    @Shared RunningMadoguchi app = RunningMadoguchi.start()
    @Shared Browser browser = Browser.open()
    @Shared Map resident

    def setupSpec() {
        // a current Japanese resident with an address and no variation selector in the name
        resident = app.bean(Jdbi).withHandle { h ->
            h.createQuery('''SELECT addressee_number, name FROM resident
                              WHERE city_code = '999997' AND status = '1' AND resident_type = '1' AND name !~ '[\\U000E0100-\\U000E01EF]'
                              ORDER BY addressee_number LIMIT 1''').mapToMap().one()
        }
    }

    def cleanupSpec() {
        browser?.close()
        app?.close()
    }

    def "出荷時の様式はすべて、合成住民の記入済みPDFになり、答えた値とフォントが入る"() {
        given:
        def forms = app.bean(FormsAtCounterUseCase)
        def shipped = app.bean(DesignFormsUseCase).inForce(CITY, LocalDate.now())

        expect:
        shipped.size() >= 15
        shipped.every { form ->
            def number = reception(form.procedures()[0])
            forms.answer(CITY, number, [通数: '2', 使用目的: '勤務先へ提出', 電話番号: '0120-000-000'], CLERK)
            def pdf = forms.preview(CITY, number, form.id(), CLERK).content()
            def text = text(pdf)
            def raw = new String(pdf, 'ISO-8859-1')
            def filled = text.contains(form.title()) && text.contains(number.value()) && raw.contains('IPAexMincho')
            def named = !form.fields().contains('氏名') || (text.replace(' ', '').contains((resident.name as String).replace(' ', '').replace('　', '')) && raw.contains('IPAmjMincho'))
            def answered = !form.fields().contains('電話番号') || text.contains('0120-000-000')
            assert filled && named && answered: "様式 ${form.id()}"
            true
        }
    }

    def "管理画面で様式を一から作り、項目を置いて動かし、公開すると、窓口で住民の値入りで印刷できる"() {
        given:
        StaffLogin.inBrowser(browser, app, 'admin')
        browser.go(app.url('/admin/forms/new'))

        when: 'a new form: its ID, name and procedure chosen in the inputs, two fields taken from the dictionary'
        browser.type('#form-code', 'CITY_DOG_FORM')
        browser.type('#form-title', '犬の登録事項変更届')
        browser.selectValue('#form-procedure', 'DOG_REGISTRATION_CHANGE')
        browser.select('#form-signing', 'タブレットで署名')
        def header = browser.attribute('#text', 'value').readLines()
        browser.click('#palette button[data-key=氏名]')
        browser.click('#palette button[data-key=住所]')
        def before = browser.attribute('#text', 'value').readLines().find { it.contains(' 氏名 ') }
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .dragAndDropBy(browser.driver().findElement(By.cssSelector('#page .element[title*=" 氏名 "]')), 40, 20).perform()
        def after = browser.attribute('#text', 'value').readLines().find { it.contains(' 氏名 ') }
        browser.select('#typeface', 'ゴシック')
        def gothic = browser.attribute('#text', 'value').readLines().find { it.contains(' 氏名 ') }
        browser.screenshot('30-admin-様式の設計')

        then: 'the inputs wrote the definition, the heading following the name'
        header.containsAll(['様式: CITY_DOG_FORM', '名称: 犬の登録事項変更届', '手続: DOG_REGISTRATION_CHANGE', '署名: 画面'])
        header.any { it.startsWith('見出し: ') && it.contains('「犬の登録事項変更届」') }

        and: 'the drag moved the field on the page and in the definition; the typeface list set its font'
        before.startsWith('文字: 40 ')
        after.startsWith('文字: 60 ')
        after != before
        gothic == after + ' ゴシック'

        when: 'the preview the page refreshes is the PDF of the text as it stands'
        def preview = browser.execute('''var data = new URLSearchParams(new FormData(document.getElementById('form-text')));
            var request = new XMLHttpRequest();
            request.open('POST', '/admin/forms/preview', false);
            request.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
            request.send(data.toString());
            return request.status + ' ' + request.getResponseHeader('Content-Type');''')

        then:
        preview == '200 application/pdf'
        browser.text('#form-id') == 'CITY_DOG_FORM'
        browser.texts('header nav a').contains('様式')

        when: 'published'
        browser.clickAndLoad('#publish')

        then:
        browser.text('#notice').startsWith('第1版を公開しました')
        browser.texts('#history tbody tr').size() == 1

        when: 'a clerk prints it for a resident'
        def number = reception('DOG_REGISTRATION_CHANGE')
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'clerk')
        browser.go(app.url("/staff/receptions/${number.value()}/forms"))
        def pdf = fetch("/staff/receptions/${number.value()}/forms/CITY_DOG_FORM.pdf")
        browser.screenshot('32-staff-様式')

        then: 'the menu of a clerk has the counter pages, not the administration pages'
        browser.texts('header nav a').containsAll(['受付一覧', '住民検索'])
        !browser.texts('header nav a').contains('様式') && !browser.texts('header nav a').contains('端末の登録')
        browser.texts('#forms tbody tr').any { it.contains('犬の登録事項変更届') }
        text(pdf).contains('犬の登録事項変更届')
        text(pdf).replace(' ', '').contains((resident.name as String).replace(' ', '').replace('　', ''))
        new String(pdf, 'ISO-8859-1').contains('IPAexGothic')

        when: 'printed, then revised (様式改正, 第2版) while the visit goes on'
        def forms = app.bean(FormsAtCounterUseCase)
        def design = app.bean(DesignFormsUseCase)
        forms.print(CITY, number, 'CITY_DOG_FORM', null, CLERK)
        design.publish(CITY, design.export(CITY, 'CITY_DOG_FORM').replace('犬の登録事項変更届', '犬の登録事項変更届（改正後）'),
                LocalDate.now(), 1, Operator.staff('admin', '管理 花子'))
        def later = reception('DOG_REGISTRATION_CHANGE')
        def kept = text(fetch("/staff/receptions/${number.value()}/forms/CITY_DOG_FORM.pdf"))
        def revised = text(fetch("/staff/receptions/${later.value()}/forms/CITY_DOG_FORM.pdf"))

        then: 'the reception that printed 第1版 keeps it, a new visit gets 第2版'
        kept.contains('CITY_DOG_FORM 第1版') && !kept.contains('改正後')
        revised.contains('CITY_DOG_FORM 第2版') && revised.contains('犬の登録事項変更届（改正後）')
        forms.forms(CITY, number, CLERK).find { it.id() == 'CITY_DOG_FORM' }.version() == 1
        forms.forms(CITY, later, CLERK).find { it.id() == 'CITY_DOG_FORM' }.version() == 2
    }

    def "書き出した様式ファイルを読み込んで公開できる。壊れたファイルは行番号つきで断り、何も残さない"() {
        given: 'the 住民票 form written out as a file, as another city would send it'
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'admin')
        def shared = new String(fetch('/admin/forms/RESIDENT_CERTIFICATE_REQUEST/export'), 'UTF-8')
                .replace('様式: RESIDENT_CERTIFICATE_REQUEST', '様式: SHARED_CERTIFICATE_REQUEST')
        def file = java.nio.file.Files.createTempFile('shared', '.form')
        java.nio.file.Files.writeString(file, shared)
        def broken = java.nio.file.Files.createTempFile('broken', '.form')
        java.nio.file.Files.writeString(broken, shared.replace('用紙: A4 縦', '用紙: B5 縦'))

        when:
        browser.go(app.url('/admin/forms'))
        browser.type('#file', broken.toString())
        browser.clickAndLoad('#import')

        then:
        browser.text('#problems').contains('用紙は A4 か A3 です（B5）')
        app.bean(DesignFormsUseCase).history(CITY, 'SHARED_CERTIFICATE_REQUEST').isEmpty()

        when:
        browser.go(app.url('/admin/forms'))
        browser.type('#file', file.toString())
        browser.clickAndLoad('#import')

        then:
        browser.text('#notice').contains('を読み込みました')
        browser.attribute('#text', 'value').strip() == shared.strip()

        when:
        browser.clickAndLoad('#publish')

        then:
        browser.text('#notice').startsWith('第1版を公開しました')
        app.bean(DesignFormsUseCase).history(CITY, 'SHARED_CERTIFICATE_REQUEST').size() == 1
    }

    def "タブレットの署名が署名欄に入り、ネットワークプリンタへの印刷が様式の版とともに記録される。自署の様式には入らない"() {
        given:
        def number = reception('RESIDENT_CERTIFICATE')
        StaffLogin.inBrowser(browser, app, 'clerk')
        def unsigned = images(fetch("/staff/receptions/${number.value()}/forms/RESIDENT_CERTIFICATE_REQUEST.pdf"))

        when: 'the citizen signs on the tablet page'
        browser.go(app.url("/staff/receptions/${number.value()}/forms/signature"))
        def pad = browser.driver().findElement(By.id('pad'))
        new org.openqa.selenium.interactions.Actions(browser.driver()).moveToElement(pad, -200, 0).clickAndHold()
                .moveByOffset(60, -30).moveByOffset(60, 40).moveByOffset(80, -20).release().perform()
        browser.screenshot('31-staff-署名')
        browser.clickAndLoad('#done')

        then:
        browser.text('#notice').startsWith('署名を受け取りました（SHA-256 ')
        images(fetch("/staff/receptions/${number.value()}/forms/RESIDENT_CERTIFICATE_REQUEST.pdf")) == unsigned + 1

        when: 'printed to the network printer'
        browser.select('#forms tr[data-form=RESIDENT_CERTIFICATE_REQUEST] select[name=printer]', 'デモプリンタ')
        browser.execute("document.querySelector('#forms tr[data-form=RESIDENT_CERTIFICATE_REQUEST] form').removeAttribute('target')")
        browser.clickAndLoad('#forms tr[data-form=RESIDENT_CERTIFICATE_REQUEST] .print-button')
        def job = app.bean(SimulatedPrintQueue).jobs().last()

        then:
        browser.text('#notice').contains('デモプリンタ')
        text(job.content()).contains('住民票の写し等交付申請書')
        browser.texts('#prints tbody tr').any { it.contains('RESIDENT_CERTIFICATE_REQUEST 第1版') && it.contains('デモプリンタ') && it.contains('窓口 一郎') }

        and: 'a form the law wants signed on paper never carries the tablet signature'
        def marriage = text(fetch("/staff/receptions/${number.value()}/forms/MARRIAGE_NOTIFICATION_FORM.pdf"))
        marriage.contains('ご本人が自署してください')
        images(fetch("/staff/receptions/${number.value()}/forms/MARRIAGE_NOTIFICATION_FORM.pdf")) == unsigned
    }

    def "聞いた日付は和暦（元年）で、不詳日は住民記録に書かれたとおりに印字する"() {
        given: 'another resident whose birth date the registry keeps as a 不詳日'
        def other = app.bean(Jdbi).withHandle { h ->
            String n = h.createQuery('''SELECT addressee_number FROM resident WHERE city_code = '999997' AND status = '1'
                                         AND resident_type = '1' AND addressee_number <> :first ORDER BY addressee_number LIMIT 1''')
                    .bind('first', resident.addressee_number as String).mapTo(String).one()
            h.createUpdate('''UPDATE resident SET birth_notation = '昭和10年頃', birth_month = NULL, birth_day = NULL, birth_date = NULL
                               WHERE city_code = '999997' AND addressee_number = :n''').bind('n', n).execute()
            n
        }
        def forms = app.bean(FormsAtCounterUseCase)
        def number = app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(CITY, Channel.COUNTER,
                new AddresseeNumber(other), ['MOVE_WITHIN_CITY_NOTIFICATION'], CLERK)).number()
        forms.answer(CITY, number, [異動年月日: '2019-05-01'], CLERK)

        when:
        def text = text(forms.preview(CITY, number, 'MOVE_NOTIFICATION', CLERK).content())

        then:
        text.contains('令和元年5月1日')
        text.contains('昭和10年頃')
    }

    def "聞き取りの答えは型で確かめ、直すところを示して、入力した値を残す。個人番号は受け付けない"() {
        given:
        def number = reception('MOVE_WITHIN_CITY_NOTIFICATION')
        browser.deleteCookies()
        StaffLogin.inBrowser(browser, app, 'clerk')
        browser.go(app.url("/staff/receptions/${number.value()}/forms"))

        when: 'a date that is not one, and a good telephone number'
        browser.type('#answer-異動年月日', '11月22日')
        browser.type('#answer-電話番号', '0120-000-000')
        browser.clickAndLoad('#save-answers')

        then: 'nothing is stored, the page says what to correct and keeps both values'
        browser.text('#error').contains('異動年月日は 2026-11-22 か 令和8年11月22日 の形で')
        browser.attribute('#answer-異動年月日', 'value') == '11月22日'
        browser.attribute('#answer-電話番号', 'value') == '0120-000-000'
        app.bean(FormsAtCounterUseCase).forms(CITY, number, CLERK).find { it.id() == 'MOVE_NOTIFICATION' }
                .questions()*.key().containsAll(['異動年月日', '電話番号'])

        when: 'corrected in 和暦 with 全角 digits'
        browser.type('#answer-異動年月日', '令和８年１１月２２日')
        browser.clickAndLoad('#save-answers')

        then:
        browser.text('#notice').startsWith('回答を記録しました')
        text(fetch("/staff/receptions/${number.value()}/forms/MOVE_NOTIFICATION.pdf")).contains('令和8年11月22日')

        when: 'a 個人番号 typed into the telephone field'
        def individual = jp.madoguchi.domain.resident.IndividualNumber.fromFirstElevenDigits('12345678901').reveal()
        app.bean(FormsAtCounterUseCase).answer(CITY, number, [電話番号: individual], CLERK)

        then:
        IllegalArgumentException e = thrown()
        e.message == '電話番号の欄に個人番号は入力できません'
    }

    def "どのフォントにもない文字の値は、印刷の前に字を名指しして断る"() {
        given:
        def number = reception('RESIDENT_CERTIFICATE')
        StaffLogin.inBrowser(browser, app, 'clerk')
        app.bean(FormsAtCounterUseCase).answer(CITY, number, [使用目的: '提出先\uE000'], CLERK)

        when:
        browser.go(app.url("/staff/receptions/${number.value()}/forms"))

        then:
        browser.text('#forms tr[data-form=RESIDENT_CERTIFICATE_REQUEST] .glyphs').contains('(U+E000) 使用目的')

        when:
        app.bean(FormsAtCounterUseCase).print(CITY, number, 'RESIDENT_CERTIFICATE_REQUEST', null, CLERK)

        then:
        IllegalArgumentException e = thrown()
        e.message.startsWith('印刷できない文字があります: 「\uE000」(U+E000) 使用目的')
        app.bean(FormsAtCounterUseCase).prints(CITY, number).isEmpty()
    }

    private ReceptionNumber reception(String procedure) {
        app.bean(StartReceptionUseCase).start(new StartReceptionUseCase.StartReceptionCommand(CITY, Channel.COUNTER,
                new AddresseeNumber(resident.addressee_number as String), [procedure], CLERK)).number()
    }

    private byte[] fetch(String path) {
        browser.download(app.url(path))
    }

    private static String text(byte[] pdf) {
        Pdfs.text(pdf)
    }

    private static int images(byte[] pdf) {
        Pdfs.images(pdf)
    }
}
