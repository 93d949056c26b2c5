package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.ReceptionPaperwork
import jp.madoguchi.application.port.out.ReceptionPaperwork.PrintRecord
import jp.madoguchi.application.port.out.ReceptionPaperwork.Signature
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate

/**
 * What every {@link ReceptionPaperwork} promises (answers, signature, prints of one visit), against the fake and the
 * PostgreSQL store. The store needs the visit to exist: {@link #visit} makes one.
 */
abstract class ReceptionPaperworkContract extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Instant T0 = Instant.parse('2026-11-22T01:00:00Z')
    static int serials = 100

    abstract ReceptionPaperwork paperwork()

    /** A stored visit the paperwork can belong to. */
    abstract ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number)

    ReceptionNumber number = new ReceptionNumber(LocalDate.of(2026, 11, 22), serials++)

    def setup() {
        visit(CITY, number)
    }

    def "答えは項目ごとに残り、同じ項目の後の答えが前の答えに代わる"() {
        when:
        paperwork().saveAnswers(CITY, number, ['通数': '2', '電話番号': '0120-000-001'], '窓口 一郎', T0)
        paperwork().saveAnswers(CITY, number, ['通数': '3'], '窓口 一郎', T0.plusSeconds(60))

        then:
        paperwork().answers(CITY, number) == ['通数': '3', '電話番号': '0120-000-001']
        paperwork().answers(CITY, new ReceptionNumber(LocalDate.of(2026, 11, 22), 999)).isEmpty()
    }

    def "署名は最後のものが受付の署名になり、画像とハッシュがそのまま読み戻せる"() {
        given:
        byte[] first = [0x89, 0x50, 0x4e, 0x47, 1] as byte[]
        byte[] second = [0x89, 0x50, 0x4e, 0x47, 2] as byte[]

        expect:
        paperwork().signature(CITY, number).isEmpty()

        when:
        paperwork().saveSignature(CITY, number, new Signature(first, 'aa', T0, 'タブレット1'))
        paperwork().saveSignature(CITY, number, new Signature(second, 'bb', T0.plusSeconds(1), 'タブレット1'))

        then:
        with(paperwork().signature(CITY, number).get()) {
            png() == second
            sha256() == 'bb'
            signedAt() == T0.plusSeconds(1)
        }
    }

    def "印刷の記録は印刷した順にすべて残る"() {
        when:
        paperwork().recordPrint(CITY, number, new PrintRecord('CERTIFICATE_REQUEST', 1, 'ブラウザ（PDF）', '窓口 一郎（clerk）', T0))
        paperwork().recordPrint(CITY, number, new PrintRecord('CERTIFICATE_REQUEST', 2, '窓口1・A4', '窓口 一郎（clerk）', T0.plusSeconds(5)))

        then:
        paperwork().prints(CITY, number)*.formVersion() == [1, 2]
        paperwork().prints(CITY, number)*.printer() == ['ブラウザ（PDF）', '窓口1・A4']
    }
}
