package jp.madoguchi.domain.reception

import java.time.Instant
import java.time.LocalDate

import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Rejection
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification

class CallingSpec extends Specification {

    static final Department SHIMIN = new Department('SHIMIN', '市民課')
    static final Department HOKEN = new Department('HOKEN', '保険年金課')
    static final ServiceCounter SHIMIN_1 = new ServiceCounter('SHIMIN-1', '1番窓口', SHIMIN)
    static final ServiceCounter SHIMIN_2 = new ServiceCounter('SHIMIN-2', '2番窓口', SHIMIN)
    static final ServiceCounter HOKEN_5 = new ServiceCounter('HOKEN-5', '5番窓口', HOKEN)
    static final Operator CLERK = Operator.staff('clerk', '窓口 職員')
    static final Instant T0 = Instant.parse('2026-12-04T00:30:00Z')

    Reception opened() {
        Reception.open(new LocalGovernmentCode('131016'), new ReceptionNumber(LocalDate.of(2026, 12, 4), 12), Channel.KIOSK, null,
                [new Procedure('RESIDENT_CERTIFICATE', '住民票の写し', SHIMIN, LifeEvent.CERTIFICATE),
                 new Procedure('NATIONAL_HEALTH_INSURANCE', '国民健康保険の加入', HOKEN, LifeEvent.MOVE_IN)],
                Operator.kiosk('K01'), T0)
    }

    def "呼出は経過に残り、同じ窓口へもう一度なら再呼出。最初に呼んだ時刻は変わらない"() {
        given:
        def visit = opened()

        when:
        visit.call(SHIMIN_1, CLERK, T0.plusSeconds(300))
        visit.call(SHIMIN_1, CLERK, T0.plusSeconds(360))

        then:
        visit.timeline()*.description().takeRight(2) == ['呼出（市民課 1番窓口）', '再呼出（市民課 1番窓口）']
        visit.timeline()*.state().takeRight(2) == [ReceptionState.RECEIVED, ReceptionState.RECEIVED]
        visit.calling().firstCalledAt() == T0.plusSeconds(300)
        visit.calling().last() == new Calling.Call('SHIMIN-1', '市民課 1番窓口', T0.plusSeconds(360), 2, false)

        when: 'another counter calls it: a new call, once'
        visit.call(SHIMIN_2, CLERK, T0.plusSeconds(400))

        then:
        visit.calling().last().times() == 1
        visit.calling().last().counterName() == '市民課 2番窓口'
    }

    def "不在にすると表示から外れる印が付き、手で呼び直せる"() {
        given:
        def visit = opened()
        visit.call(SHIMIN_1, CLERK, T0.plusSeconds(300))

        when:
        visit.markAbsent(CLERK, T0.plusSeconds(420))

        then:
        visit.calling().last().absent()
        visit.timeline().last().description() == '呼出に応答なし（不在、市民課 1番窓口）'

        when:
        visit.call(SHIMIN_1, CLERK, T0.plusSeconds(600))

        then:
        !visit.calling().last().absent()
        visit.calling().firstCalledAt() == T0.plusSeconds(300)
    }

    def "他の課の窓口、聞き取り中の受付、呼んでいない受付の不在は断る"() {
        given:
        def visit = opened()

        when:
        visit.call(HOKEN_5, CLERK, T0.plusSeconds(60))

        then:
        def other = thrown(ReceptionStateException)
        other.message == '受付番号 20261204-0012 は市民課でお待ちです（保険年金課 5番窓口には呼び出せません）'

        when:
        visit.markAbsent(CLERK, T0.plusSeconds(60))

        then:
        thrown(ReceptionStateException)

        when:
        visit.startHearing(CLERK, T0.plusSeconds(120))
        visit.call(SHIMIN_1, CLERK, T0.plusSeconds(180))

        then:
        def busy = thrown(ReceptionStateException)
        busy.message.contains('「聞き取り」のため呼び出せません')
    }

    def "回付先の課では呼出を最初からやり直し、待ち時間の終わり（最初の呼出）は残る"() {
        given:
        def visit = opened()
        visit.call(SHIMIN_1, CLERK, T0.plusSeconds(300))
        visit.startHearing(CLERK, T0.plusSeconds(360))
        visit.confirm(CLERK, T0.plusSeconds(400))
        visit.markPrinted(CLERK, T0.plusSeconds(420), '申請書')

        when:
        visit.complete(CLERK, T0.plusSeconds(500))
        visit.call(HOKEN_5, CLERK, T0.plusSeconds(900))

        then:
        visit.state() == ReceptionState.REFERRED
        visit.calling().last().counterCode() == 'HOKEN-5'
        visit.calling().last().times() == 1
        visit.calling().firstCalledAt() == T0.plusSeconds(300)
        visit.timeline().last().department() == HOKEN
    }

    def "窓口コードと名前の形"() {
        when:
        new ServiceCounter(code, name, SHIMIN)

        then:
        thrown(Rejection)

        where:
        code        | name
        'shimin-1'  | '1番窓口'
        ''          | '1番窓口'
        'SHIMIN-1'  | ' '
        'SHIMIN-1'  | 'あ' * 31
    }
}
