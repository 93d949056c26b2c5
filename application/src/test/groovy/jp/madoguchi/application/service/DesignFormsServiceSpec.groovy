package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.fakes.TextFormRendering
import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.shared.Rejection
import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

/** 様式の設計: 出荷時の様式を一度だけ登録し、書き換えた様式を新しい版として公開する。誤りは行番号つきで断る。 */
class DesignFormsServiceSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Operator ADMIN = Operator.staff('admin', '管理 次郎')

    def rendering = new TextFormRendering()
    def trail = new RecordingAuditTrail()
    def clock = Clock.fixed(Instant.parse('2026-11-22T00:00:00Z'), ZoneId.of('Asia/Tokyo'))
    def design = new DesignFormsService(rendering, rendering, rendering, trail, new jp.madoguchi.application.fakes.DirectTransactions(), clock)

    def "出荷時の様式は一度だけ第1版として入り、今日有効な版になる"() {
        expect:
        design.ensureShippedForms(CITY) == 2
        design.ensureShippedForms(CITY) == 0
        design.inForce(CITY, LocalDate.of(2026, 11, 22))*.id() as Set == ['CERTIFICATE_REQUEST', 'NHI_NOTIFICATION'] as Set
    }

    def "書き換えた様式は次の版として公開され、有効日から使われる。公開は記録に残る"() {
        given:
        design.ensureShippedForms(CITY)
        def text = TextFormRendering.form('CERTIFICATE_REQUEST', 'RESIDENT_CERTIFICATE', '住民票の写し等交付申請書（改）')

        when:
        def published = design.publish(CITY, text, LocalDate.of(2026, 12, 1), 1, ADMIN)

        then:
        published.version() == 2
        design.inForce(CITY, LocalDate.of(2026, 11, 30)).find { it.id() == 'CERTIFICATE_REQUEST' }.version() == 1
        design.inForce(CITY, LocalDate.of(2026, 12, 1)).find { it.id() == 'CERTIFICATE_REQUEST' }.title() == '住民票の写し等交付申請書（改）'
        design.export(CITY, 'CERTIFICATE_REQUEST') == text
        trail.of(AuditAction.ADMINISTRATION)*.detail() == ['様式 CERTIFICATE_REQUEST（住民票の写し等交付申請書（改））を第2版として公開（2026-12-01から有効）']
    }

    def "見本の印刷は見本の値で埋めた様式になる"() {
        when:
        def text = new String(design.preview(TextFormRendering.form('SAMPLE_FORM', 'RESIDENT_CERTIFICATE')).content(), StandardCharsets.UTF_8)

        then:
        text.startsWith('SAMPLE_FORM 第')
        text.contains('氏名=')
    }

    def "ほかの人が先に公開した版の上には公開しない。辞書にない項目や書式の誤りは断る。ない様式は書き出せない"() {
        given:
        design.ensureShippedForms(CITY)
        design.publish(CITY, TextFormRendering.form('CERTIFICATE_REQUEST', 'RESIDENT_CERTIFICATE'), null, 1, ADMIN)

        when:
        design.publish(CITY, TextFormRendering.form('CERTIFICATE_REQUEST', 'RESIDENT_CERTIFICATE'), null, 1, ADMIN)

        then:
        thrown(ConcurrentUpdateException)

        when:
        design.check(TextFormRendering.form('Y', 'RESIDENT_CERTIFICATE') + '文字: 10 10 20 7 辞書にない項目 10\n')

        then:
        def unknownField = thrown(Rejection)
        unknownField.message.contains('辞書にない項目')

        when:
        design.export(CITY, 'NO_SUCH_FORM')

        then:
        def missing = thrown(Rejection)
        missing.key() == 'forms.not-found'
    }
}
