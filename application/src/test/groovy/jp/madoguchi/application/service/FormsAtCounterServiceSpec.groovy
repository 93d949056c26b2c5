package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryContentConfirmations
import jp.madoguchi.application.fakes.InMemoryMoveIns
import jp.madoguchi.application.fakes.InMemoryReceptionPaperwork
import jp.madoguchi.application.fakes.TextFormRendering
import jp.madoguchi.application.port.out.DocumentPrinter.PrintSettings
import jp.madoguchi.application.port.out.FormDefinitions.StoredForm
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.reception.OtherDepartmentRejection
import jp.madoguchi.domain.reception.ReceptionState
import jp.madoguchi.domain.shared.Rejection

import java.nio.charset.StandardCharsets

/**
 * 窓口の様式: 住民記録から埋め、足りない項目だけを聞き、署名を受け、印刷する。手続ごとに違う値が様式に入ることを、
 * 二つの手続で確かめる。
 */
class FormsAtCounterServiceSpec extends CounterFixture {

    def rendering = new TextFormRendering()
    def paperwork = new InMemoryReceptionPaperwork()
    def confirmations = new InMemoryContentConfirmations(paperwork: paperwork)
    def forms = new FormsAtCounterService(receptions, registry, new InMemoryMoveIns(), rendering, rendering, paperwork, confirmations,
            rendering, rendering, { '見本市' }, trail, transactions, jp.madoguchi.domain.calendar.EraTable.shipped(), clock)

    def setup() {
        rendering.seedMissing(CITY, rendering.shipped.collect { text ->
            new StoredForm(text.readLines()[0].substring(4).trim(), 1, java.time.LocalDate.of(2024, 4, 1), text, 'system', clock.instant())
        }, clock.instant())
    }

    String text(byte[] pdf) {
        new String(pdf, StandardCharsets.UTF_8)
    }

    def "受付の手続の様式だけが並び、聞くことは住民記録にない項目だけ"() {
        given:
        def certificate = visit(['RESIDENT_CERTIFICATE'], resident(1, '見本　花子'))
        def nhi = visit(['NHI_ENROLMENT'], resident(2, '葛西　次郎', 'カサイ　ジロウ'))

        when:
        def forCertificate = forms.forms(CITY, certificate.number(), CLERK)
        def forNhi = forms.forms(CITY, nhi.number(), CLERK)

        then:
        forCertificate*.id() == ['CERTIFICATE_REQUEST']
        forNhi*.id() == ['NHI_NOTIFICATION']
        forCertificate[0].questions()*.key() == ['電話番号', '通数']
        trail.of(AuditAction.VIEW_RESIDENT).size() == 2
    }

    def "聞いた答えはその受付の様式に入り、受付ごとに違う値になる"() {
        given:
        def a = visit(['RESIDENT_CERTIFICATE'], resident(1, '見本　花子'))
        def b = visit(['RESIDENT_CERTIFICATE'], resident(2, '葛西　次郎', 'カサイ　ジロウ'))

        when:
        forms.answer(CITY, a.number(), ['通数': '２', '電話番号': '0120-000-001'], CLERK)
        forms.answer(CITY, b.number(), ['通数': '1'], CLERK)
        def pdfA = text(forms.preview(CITY, a.number(), 'CERTIFICATE_REQUEST', CLERK).content())
        def pdfB = text(forms.preview(CITY, b.number(), 'CERTIFICATE_REQUEST', CLERK).content())

        then:
        pdfA.contains('氏名=見本　花子')
        pdfA.contains('通数=2')
        pdfA.contains('電話番号=0120-000-001')
        pdfB.contains('氏名=葛西　次郎')
        pdfB.contains('通数=1')
        forms.forms(CITY, a.number(), CLERK)[0].questions().isEmpty()
        stored(a).timeline().last().description().contains('通数')
    }

    def "答えの形が違えば一つも保存せず、何を直すかを言う。聞き取りの項目でないものは断る"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))

        when:
        forms.answer(CITY, r.number(), ['通数': '二通', '電話番号': '0120-000-001'], CLERK)

        then:
        def refused = thrown(Rejection)
        refused.key() == 'answer.invalid'
        refused.message.contains('通数は数字で入力してください')
        paperwork.answers(CITY, r.number()).isEmpty()

        when:
        forms.answer(CITY, r.number(), ['氏名': '別人'], CLERK)

        then:
        def notAsked = thrown(Rejection)
        notAsked.key() == 'answer.not-a-question'
    }

    def "選ぶ質問は辞書の選択肢を示し、選択肢にない答えは保存しない"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))

        expect: 'the choices as the dictionary lists them at the end of the question; none for a number'
        TextFormRendering.DICTIONARY.find('請求の範囲').get().choices() == ['世帯全員', '一部']
        forms.forms(CITY, r.number(), CLERK)[0].questions().find { it.key() == '通数' }.choices() == []

        when:
        forms.answer(CITY, r.number(), ['請求の範囲': '全部'], CLERK)

        then:
        def refused = thrown(Rejection)
        refused.message.contains('請求の範囲は「世帯全員」「一部」から選んでください')
        paperwork.answers(CITY, r.number()).isEmpty()

        when:
        forms.answer(CITY, r.number(), ['請求の範囲': '一部'], CLERK)

        then:
        paperwork.answers(CITY, r.number()) == ['請求の範囲': '一部']
    }

    def "申請書の印刷で受付は印刷済みになり、様式ごとの印刷記録とアクセス記録が一つの単位で残る"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE', 'NHI_ENROLMENT'], resident(1))
        advance.startHearing(step(r))
        advance.confirm(step(r))
        def units = transactions.units

        when:
        def document = forms.print(step(r))

        then:
        text(document.content()).contains('CERTIFICATE_REQUEST 第1版')
        text(document.content()).contains('NHI_NOTIFICATION 第1版')
        stored(r).state() == ReceptionState.PRINTED
        paperwork.prints(CITY, r.number())*.formId() == ['CERTIFICATE_REQUEST', 'NHI_NOTIFICATION']
        trail.of(AuditAction.PRINT).size() == 1
        transactions.units == units + 1
    }

    def "プリンタへ印刷すると、印刷記録にプリンタとトレイが残る。ないプリンタは記録も残さない"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))

        when:
        forms.print(CITY, r.number(), 'CERTIFICATE_REQUEST', new PrintSettings('窓口1のプリンタ', '手差し', 'A4'), CLERK)

        then:
        rendering.printed.size() == 1
        paperwork.prints(CITY, r.number())*.printer() == ['窓口1のプリンタ・手差し・A4']

        when:
        forms.print(CITY, r.number(), 'CERTIFICATE_REQUEST', new PrintSettings('どこにもない', '', 'A4'), CLERK)

        then:
        thrown(Rejection)
        rendering.printed.size() == 1
    }

    def "印刷できない文字がある様式は印刷せず、その文字を知らせる"() {
        given:
        rendering.unprintable = ['𠮷'] as Set
        def r = visit(['RESIDENT_CERTIFICATE'], resident(3, '𠮷田　花子', 'ヨシダ　ハナコ'))

        when:
        forms.print(CITY, r.number(), 'CERTIFICATE_REQUEST', null, CLERK)

        then:
        def refused = thrown(Rejection)
        refused.key() == 'forms.unprintable-characters'
        refused.message.contains('𠮷')
        paperwork.prints(CITY, r.number()).isEmpty()
    }

    def "署名はPNGだけを受け取り、ハッシュを経過に残す。ほかの課の受付には署名させない"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))
        byte[] png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7] as byte[]

        when:
        def hash = forms.sign(CITY, r.number(), png, CLERK)

        then:
        paperwork.signature(CITY, r.number()).get().sha256() == hash
        stored(r).timeline().last().description().contains(hash.substring(0, 16))

        when:
        forms.sign(CITY, r.number(), 'GIF89a'.bytes, CLERK)

        then:
        def refused = thrown(Rejection)
        refused.key() == 'signature.unreadable'

        when:
        forms.sign(CITY, r.number(), png, HOKEN_CLERK)

        then:
        thrown(OtherDepartmentRejection)
    }
}
