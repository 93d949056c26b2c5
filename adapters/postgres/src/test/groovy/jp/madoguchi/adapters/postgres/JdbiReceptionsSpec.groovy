package jp.madoguchi.adapters.postgres

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.reception.ReceptionState
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.Operator

import java.time.Instant
import java.time.LocalDate

import static jp.madoguchi.adapters.postgres.testing.Fixtures.CITY
import static jp.madoguchi.adapters.postgres.testing.Fixtures.OTHER_CITY

class JdbiReceptionsSpec extends DatabaseSpecification {

    static final Procedure CERTIFICATE = new Procedure('RESIDENT_CERTIFICATE', '住民票の写し', new Department('SHIMIN', '市民課'), LifeEvent.CERTIFICATE)
    static final Operator CLERK = Operator.staff('clerk', '窓口 一郎')
    static final LocalDate DAY = LocalDate.of(2026, 11, 22)
    static final Instant T0 = Instant.parse('2026-11-22T00:30:00Z')

    JdbiReceptions receptions

    def setup() {
        receptions = new JdbiReceptions(jdbi)
    }

    Reception opened(city = CITY) {
        def reception = Reception.open(city, receptions.nextNumber(city, DAY), Channel.KIOSK,
                AddresseeNumber.fromSerial(1, 9), [CERTIFICATE], Operator.kiosk('K01'), T0)
        receptions.add(reception)
        reception
    }

    def "受付番号は市と日ごとの連番"() {
        when:
        def a = receptions.nextNumber(CITY, LocalDate.of(2026, 1, 5))
        def b = receptions.nextNumber(CITY, LocalDate.of(2026, 1, 5))
        def c = receptions.nextNumber(OTHER_CITY, LocalDate.of(2026, 1, 5))
        def d = receptions.nextNumber(CITY, LocalDate.of(2026, 1, 6))

        then:
        b.serial() == a.serial() + 1
        c.serial() == 1
        d.serial() == 1
    }

    def "呼出（窓口・時刻・回数・不在）と経過の課を保存して読み戻す"() {
        given:
        def counter = new jp.madoguchi.domain.reception.ServiceCounter('SHIMIN-1', '1番窓口', CERTIFICATE.department())
        def reception = opened()

        when:
        def stored = receptions.find(CITY, reception.number()).get()
        stored.call(counter, CLERK, T0.plusSeconds(60))
        stored.call(counter, CLERK, T0.plusSeconds(90))
        stored.markAbsent(CLERK, T0.plusSeconds(120))
        receptions.update(stored)
        def back = receptions.find(CITY, reception.number()).get()

        then:
        back.calling() == stored.calling()
        back.calling().firstCalledAt() == T0.plusSeconds(60)
        back.calling().last() == new jp.madoguchi.domain.reception.Calling.Call('SHIMIN-1', '市民課 1番窓口', T0.plusSeconds(90), 2, true)
        back.timeline()*.department()*.code() == ['SHIMIN'] * 4
        back.timeline()*.description().takeRight(3) == ['呼出（市民課 1番窓口）', '再呼出（市民課 1番窓口）', '呼出に応答なし（不在、市民課 1番窓口）']
    }

    def "受付を保存して経過ごと読み戻す"() {
        given:
        def reception = opened()

        when:
        def stored = receptions.find(CITY, reception.number()).get()
        stored.startHearing(CLERK, T0.plusSeconds(30))
        receptions.update(stored)
        def again = receptions.find(CITY, reception.number()).get()

        then:
        again.state() == ReceptionState.HEARING
        again.version() == 1
        again.procedures() == [CERTIFICATE]
        again.timeline()*.description() == ['記載台で受付（住民票の写し）', '市民課で聞き取りを開始']
        again.timeline()[1].at() == T0.plusSeconds(30)
        again.resident().get() == AddresseeNumber.fromSerial(1, 9)
    }

    def "二人の職員が同じ受付を更新すると、後の更新は上書きせずに拒否される"() {
        given:
        def reception = opened()
        def first = receptions.find(CITY, reception.number()).get()
        def second = receptions.find(CITY, reception.number()).get()

        when:
        first.startHearing(CLERK, T0.plusSeconds(10))
        receptions.update(first)
        second.startHearing(Operator.staff('other', '別の 職員'), T0.plusSeconds(20))
        receptions.update(second)

        then:
        def e = thrown(ConcurrentUpdateException)
        e.message.contains('他の職員が先に更新しました')
        def stored = receptions.find(CITY, reception.number()).get()
        stored.timeline().size() == 2
        stored.timeline()[1].operatorId() == 'clerk'
    }

    def "表示の記録は版を変えずに経過へ追記する"() {
        given:
        def reception = opened()
        def viewing = receptions.find(CITY, reception.number()).get()
        def editing = receptions.find(CITY, reception.number()).get()

        when:
        viewing.record(CLERK, T0.plusSeconds(5), '申請書を表示')
        receptions.appendTimeline(viewing)
        editing.startHearing(CLERK, T0.plusSeconds(6))
        receptions.update(editing)

        then:
        def stored = receptions.find(CITY, reception.number()).get()
        stored.version() == 1
        stored.timeline()*.description() == ['記載台で受付（住民票の写し）', '申請書を表示', '市民課で聞き取りを開始']
    }

    def "その日の受付は市ごとに分かれる"() {
        given:
        def mine = opened(CITY)
        def theirs = opened(OTHER_CITY)

        expect:
        receptions.openedOn(CITY, DAY)*.number().contains(mine.number())
        receptions.openedOn(CITY, DAY).every { it.city() == CITY }
        receptions.openedOn(OTHER_CITY, DAY)*.number() == [theirs.number()]
        receptions.find(CITY, theirs.number()).map { it.city() }.orElse(CITY) == CITY
    }

    def "受付情報照会: 期間・状態・手続・担当課・呼出番号・住民で絞り、新しい順に上限まで"() {
        given: 'three visits on 1/13 and 1/14, one of them heard, one of another resident'
        def day1 = LocalDate.of(2026, 1, 13)
        def day2 = LocalDate.of(2026, 1, 14)
        def a = Reception.open(CITY, receptions.nextNumber(CITY, day1), Channel.KIOSK, AddresseeNumber.fromSerial(1, 9),
                [CERTIFICATE], Operator.kiosk('K01'), Instant.parse('2026-01-13T00:30:00Z'))
        def b = Reception.open(CITY, receptions.nextNumber(CITY, day2), Channel.COUNTER, AddresseeNumber.fromSerial(2, 9),
                [CERTIFICATE], CLERK, Instant.parse('2026-01-14T00:30:00Z'))
        def c = Reception.open(CITY, receptions.nextNumber(CITY, day2), Channel.KIOSK, AddresseeNumber.fromSerial(1, 9),
                [CERTIFICATE], Operator.kiosk('K01'), Instant.parse('2026-01-14T01:30:00Z'))
        [a, b, c].each { receptions.add(it) }
        def heard = receptions.find(CITY, c.number()).get()
        heard.startHearing(CLERK, Instant.parse('2026-01-14T01:40:00Z'))
        receptions.update(heard)
        def search = { Map conditions = [:], int limit = 10 ->
            receptions.search(CITY, new jp.madoguchi.application.port.out.Receptions.Criteria(conditions.from ?: day1,
                    conditions.to ?: day2, conditions.state as ReceptionState, conditions.procedure as String,
                    conditions.department as String, conditions.call as Integer, conditions.residents as Set), limit)*.number()
        }

        expect:
        search() == [c.number(), b.number(), a.number()]
        search([:], 2) == [c.number(), b.number()]
        search(from: day2) == [c.number(), b.number()]
        search(state: ReceptionState.HEARING) == [c.number()]
        search(residents: [AddresseeNumber.fromSerial(1, 9).value()] as Set) == [c.number(), a.number()]
        search(residents: [] as Set) == []
        search(call: b.number().callNumber(), from: day2) == [b.number()]
        search(procedure: 'MOVE_IN') == []
        search(department: 'SHIMIN').size() == 3
        receptions.search(OTHER_CITY, new jp.madoguchi.application.port.out.Receptions.Criteria(day1, day2, null, null, null, null, null), 10) == []
    }
}
