package jp.madoguchi.domain.reception

import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate

class ReceptionSpec extends Specification {

    static final Department CITIZENS = new Department('SHIMIN', '市民課')
    static final Department INSURANCE = new Department('HOKEN', '保険年金課')
    static final Procedure CERTIFICATE = new Procedure('RESIDENT_CERTIFICATE', '住民票の写し', CITIZENS, LifeEvent.CERTIFICATE)
    static final Operator KIOSK = Operator.kiosk('K01')
    static final Operator CLERK = Operator.staff('clerk', '窓口 職員')
    static final Instant T0 = Instant.parse('2026-11-22T00:30:00Z')

    Reception opened() {
        Reception.open(new LocalGovernmentCode('131016'), new ReceptionNumber(LocalDate.of(2026, 11, 22), 7),
                Channel.KIOSK, AddresseeNumber.fromSerial('000012345'), [CERTIFICATE], KIOSK, T0)
    }

    def "受付から完了まで順に進み、経過に時刻と操作者が残る"() {
        given:
        def reception = opened()

        when:
        reception.startHearing(CLERK, T0.plusSeconds(60))
        reception.confirm(CLERK, T0.plusSeconds(120))
        reception.markPrinted(CLERK, T0.plusSeconds(180), '住民票の写し等交付申請書を印刷')
        reception.complete(CLERK, T0.plusSeconds(240))

        then:
        reception.state() == ReceptionState.COMPLETED
        reception.timeline()*.state() == [ReceptionState.RECEIVED, ReceptionState.HEARING, ReceptionState.CONFIRMING,
                                          ReceptionState.PRINTED, ReceptionState.COMPLETED]
        reception.timeline()[0].description() == '記載台で受付（住民票の写し）'
        reception.timeline()[1].operatorName() == '窓口 職員'
        reception.openedAt() == T0
        reception.completedAt().get() == T0.plusSeconds(240)
    }

    def "順序を飛ばす操作は理由を示して拒否する"() {
        given:
        def reception = opened()

        when:
        reception.complete(CLERK, T0.plusSeconds(10))

        then:
        def e = thrown(ReceptionStateException)
        e.message == '受付番号 20261122-0007 は「受付」のため「完了」に進めません'
        reception.state() == ReceptionState.RECEIVED
        reception.timeline().size() == 1
    }

    def "回付すると担当課が変わり、回付先で聞き取りから始まる"() {
        given:
        def reception = opened()
        reception.startHearing(CLERK, T0.plusSeconds(60))

        when:
        reception.referTo(INSURANCE, CLERK, T0.plusSeconds(90), '国保の加入')

        then:
        reception.state() == ReceptionState.REFERRED
        reception.department() == INSURANCE
        reception.timeline().last().description() == '市民課から保険年金課へ回付（国保の加入）'

        when:
        reception.startHearing(CLERK, T0.plusSeconds(120))

        then:
        reception.state() == ReceptionState.HEARING
    }

    static final Procedure NHI = new Procedure('NHI_ENROLMENT', '国民健康保険の加入', INSURANCE, LifeEvent.MOVE_IN)
    static final Procedure MOVE_IN = new Procedure('MOVE_IN', '転入届', CITIZENS, LifeEvent.MOVE_IN)

    void throughPrinting(Reception reception, Instant at) {
        reception.startHearing(CLERK, at)
        reception.confirm(CLERK, at)
        reception.markPrinted(CLERK, at, '申請書を印刷')
    }

    def "関連手続を受付に加えると、各課が自分の手続を完了し、残りがあれば次の課へ回付される"() {
        given: 'a 転入 at 市民課, with the 国保 the clerk kept from the related list'
        def reception = Reception.open(new LocalGovernmentCode('131016'), new ReceptionNumber(LocalDate.of(2026, 11, 22), 8),
                Channel.COUNTER, AddresseeNumber.fromSerial('000012345'), [MOVE_IN], CLERK, T0)
        def added = reception.adopt([NHI, MOVE_IN], CLERK, T0.plusSeconds(30))
        throughPrinting(reception, T0.plusSeconds(60))

        expect:
        added == [NHI]
        reception.procedures() == [MOVE_IN, NHI]
        reception.adopted('NHI_ENROLMENT') && !reception.adopted('MOVE_IN')
        reception.timeline()[1].description() == '関連手続を受付に追加（国民健康保険の加入）'

        when: '市民課 finishes'
        def first = reception.complete(CLERK, T0.plusSeconds(120))

        then: 'only its own procedure is finished and the visit goes on to 保険年金課'
        first == [MOVE_IN]
        reception.state() == ReceptionState.REFERRED
        reception.department() == INSURANCE
        reception.finishedAt('MOVE_IN').get() == T0.plusSeconds(120)
        reception.finishedAt('NHI_ENROLMENT').isEmpty()
        reception.openProcedures() == [NHI]
        reception.completedAt().isEmpty()
        reception.timeline().last().description() == '市民課の手続を完了（転入届）、市民課から保険年金課へ回付（残りの手続: 国民健康保険の加入）'

        when: '保険年金課 takes it up and finishes'
        throughPrinting(reception, T0.plusSeconds(300))
        def second = reception.complete(CLERK, T0.plusSeconds(360))

        then:
        second == [NHI]
        reception.state() == ReceptionState.COMPLETED
        reception.completedAt().get() == T0.plusSeconds(360)
        reception.openProcedures().isEmpty()
    }

    def "削除した関連手続は、未完了なら受付から外れる（申出の手続や完了済みの手続は外れない）"() {
        given:
        def reception = Reception.open(new LocalGovernmentCode('131016'), new ReceptionNumber(LocalDate.of(2026, 11, 22), 9),
                Channel.COUNTER, null, [MOVE_IN], CLERK, T0)
        reception.adopt([NHI], CLERK, T0)

        expect:
        !reception.withdraw('MOVE_IN', CLERK, T0, '誤り')
        reception.withdraw('NHI_ENROLMENT', CLERK, T0.plusSeconds(5), '職場の健康保険に加入済み')
        reception.procedures() == [MOVE_IN]
        !reception.adopted('NHI_ENROLMENT')
        reception.timeline().last().description() == '関連手続を受付から除外（国民健康保険の加入、理由: 職場の健康保険に加入済み）'
    }

    def "完了した受付には手続を加えられない"() {
        given:
        def reception = opened()
        throughPrinting(reception, T0)
        reception.complete(CLERK, T0)

        when:
        reception.adopt([NHI], CLERK, T0)

        then:
        thrown(ReceptionStateException)
    }

    def "完了した受付は回付できない"() {
        given:
        def reception = opened()
        reception.startHearing(CLERK, T0)
        reception.confirm(CLERK, T0)
        reception.markPrinted(CLERK, T0, '印刷')
        reception.complete(CLERK, T0)

        when:
        reception.referTo(INSURANCE, CLERK, T0, null)

        then:
        thrown(ReceptionStateException)
    }

    def "経過は時刻順でなければならない"() {
        when:
        opened().startHearing(CLERK, T0.minusSeconds(1))

        then:
        thrown(IllegalArgumentException)
    }

    def "手続のない受付や重複した手続は作れない"() {
        when:
        Reception.open(new LocalGovernmentCode('131016'), new ReceptionNumber(LocalDate.of(2026, 11, 22), 1),
                Channel.COUNTER, null, procedures, CLERK, T0)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == message

        where:
        procedures                 | message
        []                         | '手続が選ばれていません'
        [CERTIFICATE, CERTIFICATE] | '同じ手続が重複しています'
    }

    def "受付番号は日付と連番"() {
        expect:
        ReceptionNumber.parse('20261122-0007') == new ReceptionNumber(LocalDate.of(2026, 11, 22), 7)
        new ReceptionNumber(LocalDate.of(2026, 11, 22), 7).value() == '20261122-0007'

        when:
        ReceptionNumber.parse('2026-11-22-7')

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('例: 20261122-0007')
    }
}
