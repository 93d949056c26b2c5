package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.TextTwoDimensionalCodes
import jp.madoguchi.domain.reception.ReceptionNumber

import java.time.LocalDate

/** 受付票: 呼出番号、手続、担当課、窓口で受付を開くQRコード（受付の参照だけで、個人の情報は入れない）。 */
class IssueReceptionSlipServiceSpec extends CounterFixture {

    def codes = new TextTwoDimensionalCodes()
    def slips = new IssueReceptionSlipService(receptions, codes)

    def "受付票には呼出番号・手続・担当課と、受付の参照だけのQRコードが載る"() {
        given:
        def r = visit(['MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT'], resident(1, '見本　花子'))

        when:
        def slip = slips.slip(CITY, r.number()).get()

        then:
        slip.callNumber() == r.number().callNumber()
        slip.procedures() == ['転入届', '国民健康保険の加入']
        slip.department() == '市民課'
        codes.decode(slip.qrPng()).get() == slip.qrText()
        slip.qrText().contains(r.number().value())
        !slip.qrText().contains('見本')
        !slip.qrText().contains(resident(1).addresseeNumber().value())
    }

    def "ない受付の受付票は出さない"() {
        expect:
        slips.slip(CITY, new ReceptionNumber(LocalDate.of(2026, 11, 22), 42)).isEmpty()
    }
}
