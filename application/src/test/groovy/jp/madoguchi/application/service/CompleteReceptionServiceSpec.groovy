package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.RecordingBackOfficeExport
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.reception.ReceptionState
import jp.madoguchi.domain.reception.ReceptionStateException

/** 完了: 基幹系への連携データを出し、受付を完了にし、出力をアクセス記録に残す。すべて一つの単位で。 */
class CompleteReceptionServiceSpec extends CounterFixture {

    def export = new RecordingBackOfficeExport()
    def complete = new CompleteReceptionService(receptions, registry, export, trail, transactions, clock)

    def "印刷済みの受付を完了すると、受付ごとの連携データと出力の記録ができる"() {
        given:
        def certificate = printedVisit(['RESIDENT_CERTIFICATE'], resident(1, '見本　花子'))
        def moveIn = printedVisit(['MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT'], resident(2, '葛西　次郎', 'カサイ　ジロウ'))

        when:
        def receipt = complete.complete(step(certificate))
        complete.complete(step(moveIn))

        then:
        receipt.location().endsWith(CITY.value() + '-' + certificate.number().value() + '.csv')
        stored(certificate).state() == ReceptionState.COMPLETED
        export.delivered.size() == 2
        with(export.delivered[CITY.value() + '-' + certificate.number().value()].columns()) {
            it['手続コード'] == 'RESIDENT_CERTIFICATE'
            it['氏名'] == '見本　花子'
        }
        with(export.delivered[CITY.value() + '-' + moveIn.number().value()].columns()) {
            it['手続コード'] == 'MOVE_IN_NOTIFICATION;NHI_ENROLMENT'
            it['氏名'] == '葛西　次郎'
        }
        trail.of(AuditAction.EXPORT)*.purpose() == ['受付 ' + certificate.number().value(), '受付 ' + moveIn.number().value()]
    }

    def "印刷前の受付は完了できず、何も連携しない"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(3))

        when:
        complete.complete(step(r))

        then:
        thrown(ReceptionStateException)
        export.delivered.isEmpty()
        trail.entries.isEmpty()
        stored(r).state() == ReceptionState.RECEIVED
    }

    def "アクセス記録が書けなければ完了にしない（記録のない出力はない）"() {
        given:
        def r = printedVisit()
        trail.failing = true

        when:
        complete.complete(step(r))

        then:
        thrown(IllegalStateException)
    }
}
