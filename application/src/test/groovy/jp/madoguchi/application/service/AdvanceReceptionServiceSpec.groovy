package jp.madoguchi.application.service

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.domain.reception.OtherDepartmentRejection
import jp.madoguchi.domain.reception.ReceptionState
import jp.madoguchi.domain.reception.ReceptionStateException
import jp.madoguchi.domain.shared.Rejection

/** 窓口の手順: 聞き取り → 確認 → 回付。古い画面からの操作と、ほかの課の職員の操作は断る。 */
class AdvanceReceptionServiceSpec extends CounterFixture {

    def "聞き取りを始めて確認に進むと、経過に職員の名前が残る"() {
        given:
        def r = visit()

        when:
        advance.startHearing(step(r))
        advance.confirm(step(r))

        then:
        with(stored(r)) {
            state() == ReceptionState.CONFIRMING
            version() == 2
            timeline()*.operatorName().takeRight(2) == ['窓口 一郎', '窓口 一郎']
        }
    }

    def "別の課へ回付すると、その課の受付になり理由が経過に残る"() {
        given:
        def r = visit(['MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT'])
        advance.startHearing(step(r))

        when:
        advance.refer(step(r), 'HOKEN', '国保の加入')

        then:
        with(stored(r)) {
            state() == ReceptionState.REFERRED
            department().code() == 'HOKEN'
            timeline().last().description().contains('国保の加入')
        }

        when: 'now the 保険年金課 clerk may take it up'
        advance.startHearing(step(r, HOKEN_CLERK))

        then:
        stored(r).state() == ReceptionState.HEARING
    }

    def "古い画面（読み込んだ後に誰かが進めた受付）からの操作は上書きせずに断る"() {
        given:
        def r = visit()
        def stale = step(r)
        advance.startHearing(step(r))

        when:
        advance.confirm(stale)

        then:
        thrown(ConcurrentUpdateException)
        stored(r).state() == ReceptionState.HEARING
    }

    def "ほかの課の受付は、その課の職員でなければ進められない（画面を通らない呼び出しでも）"() {
        given:
        def r = visit()

        when:
        advance.startHearing(step(r, HOKEN_CLERK))

        then:
        def e = thrown(OtherDepartmentRejection)
        e.message.contains('市民課の受付です')
        stored(r).state() == ReceptionState.RECEIVED
    }

    def "手順を飛ばす操作と、ない課への回付は断る"() {
        given:
        def r = visit()

        when:
        advance.confirm(step(r))

        then:
        thrown(ReceptionStateException)

        when:
        advance.refer(step(r), 'NO_SUCH', '理由')

        then:
        def e = thrown(Rejection)
        e.key() == 'reception.referral-department-unknown'
    }
}
