package jp.madoguchi.adapters.postgres

import jp.madoguchi.application.port.out.ProcedureCatalogue
import jp.madoguchi.application.service.CallVisitorsService
import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.shared.Rejection
import spock.lang.Stepwise

import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.util.concurrent.Callable
import java.util.concurrent.Executors

import static jp.madoguchi.adapters.postgres.testing.Fixtures.CITY
import static jp.madoguchi.adapters.postgres.testing.Fixtures.OTHER_CITY

/**
 * 呼出 over the real store: the queue, the counters, and clerks at several counters pressing 「次の方を呼ぶ」 at the
 * same time, each of whom must get a different number.
 */
@Stepwise // the counters the first feature sets up serve the next ones
class CallingStoreSpec extends DatabaseSpecification {

    static final Department SHIMIN = new Department('SHIMIN', '市民課')
    static final Department HOKEN = new Department('HOKEN', '保険年金課')
    static final Procedure CERTIFICATE = new Procedure('RESIDENT_CERTIFICATE', '住民票の写し', SHIMIN, LifeEvent.CERTIFICATE)
    static final Procedure HEALTH = new Procedure('NATIONAL_HEALTH_INSURANCE', '国民健康保険の加入', HOKEN, LifeEvent.MOVE_IN)
    static final ZoneId JST = ZoneId.of('Asia/Tokyo')
    static final Instant NOW = Instant.parse('2026-12-05T01:00:00Z')

    JdbiReceptions receptions
    CallVisitorsService calling

    def setup() {
        receptions = new JdbiReceptions(jdbi)
        def catalogue = [departments: { -> [SHIMIN, HOKEN] }, all: { -> [CERTIFICATE, HEALTH] }] as ProcedureCatalogue
        calling = new CallVisitorsService(receptions, new JdbiCallQueue(jdbi), new JdbiServiceCounters(jdbi), catalogue,
                new JdbiTransactions(jdbi), Clock.fixed(NOW, JST))
    }

    Reception waiting(Procedure procedure, city = CITY, LocalDate day = LocalDate.of(2026, 12, 5)) {
        def reception = Reception.open(city, receptions.nextNumber(city, day), Channel.KIOSK, null, [procedure],
                Operator.kiosk('K01'), NOW.minusSeconds(600))
        receptions.add(reception)
        reception
    }

    def "窓口がない市には課ごとに「1番窓口」を用意し、管理者は窓口を足し、名前を変え、削除できる"() {
        expect:
        calling.counters(CITY)*.displayName() == ['保険年金課 1番窓口', '市民課 1番窓口']
        calling.counters(CITY)*.code() == ['HOKEN-1', 'SHIMIN-1']

        when:
        calling.saveCounter(CITY, 'shimin-2', '2番窓口', 'SHIMIN')
        calling.saveCounter(CITY, 'SHIMIN-1', '証明書窓口', 'SHIMIN')

        then: 'per department, in the order they were made; the other city is untouched'
        calling.counters(CITY)*.displayName() == ['保険年金課 1番窓口', '市民課 証明書窓口', '市民課 2番窓口']
        new JdbiServiceCounters(jdbi).all(OTHER_CITY).isEmpty()

        when:
        calling.removeCounter(CITY, 'SHIMIN-2')
        calling.removeCounter(CITY, 'SHIMIN-2')

        then:
        def e = thrown(Rejection)
        e.message == '窓口「SHIMIN-2」はありません'
        calling.counters(CITY)*.code() == ['HOKEN-1', 'SHIMIN-1']

        when: 'a department that offers no procedure'
        calling.saveCounter(CITY, 'X-1', '1番窓口', 'NOWHERE')

        then:
        thrown(Rejection)
    }

    def "次の方は課ごとに番号の小さい順。呼出済み・不在・他の課・前日の受付は飛ばす"() {
        given:
        def yesterday = waiting(CERTIFICATE, CITY, LocalDate.of(2026, 12, 4))
        def first = waiting(CERTIFICATE)
        def health = waiting(HEALTH)
        def second = waiting(CERTIFICATE)
        def clerk = Operator.staff('c1', '窓口 一郎')

        when:
        def a = calling.callNext(CITY, 'SHIMIN-1', clerk).get() // 市民課 証明書窓口 since the first feature
        calling.markAbsent(CITY, 'SHIMIN-1', clerk)
        def b = calling.callNext(CITY, 'SHIMIN-1', clerk).get()
        def none = calling.callNext(CITY, 'SHIMIN-1', clerk)

        then:
        a.number() == first.number()
        b.number() == second.number()
        none.isEmpty()
        yesterday.number() != a.number()

        and: 'the board shows the open call only; 保険年金課 still has one waiting'
        def board = calling.board(CITY)
        board.calls()*.number() == [second.number()]
        board.waiting().find { it.departmentCode() == 'HOKEN' }.visits() == 1
        board.waiting().find { it.departmentCode() == 'SHIMIN' }.visits() == 0
        health.number() != b.number()

        and: 'the call steps keep their counter for the statistics'
        receptions.find(CITY, first.number()).get().timeline().findAll { it.counterCode() }*.description() ==
                ['呼出（市民課 証明書窓口）', '呼出に応答なし（不在、市民課 証明書窓口）']
    }

    def "4つの窓口で同時に「次の方を呼ぶ」を押しても、同じ番号を二度呼ばない"() {
        given: '12 visitors wait at 市民課, four counters call three times each at once'
        def visits = (1..12).collect { waiting(CERTIFICATE) }
        (1..4).each { calling.saveCounter(CITY, "SHIMIN-C${it}", "${it}番窓口", 'SHIMIN') }
        def pool = Executors.newFixedThreadPool(4)

        when:
        def called = pool.invokeAll((1..4).collect { n ->
            { -> (1..3).collect { calling.callNext(CITY, "SHIMIN-C${n}", Operator.staff("c${n}", "職員${n}")).map { it.number() }.orElse(null) } } as Callable
        })*.get().flatten()
        pool.shutdown()

        then: 'every visitor called exactly once'
        called.findAll { it != null }.toSet() == visits*.number().toSet()
        called.count { it != null } == 12
        visits.every { v -> receptions.find(CITY, v.number()).get().timeline().count { it.counterCode() } == 1 }
    }

    def "受付票の待ち人数は同じ課で呼ばれていない前の番号だけ。目安の速さは、その日に終わった受付の呼出から完了までの中央値"() {
        given: 'another city, so the visits of the features before do not count'
        def city = LocalGovernmentCode.fromFiveDigits('99998')
        def queue = new JdbiCallQueue(jdbi)
        def day = LocalDate.of(2026, 12, 5)
        def first = waiting(CERTIFICATE, city)
        def second = waiting(CERTIFICATE, city)
        def health = waiting(HEALTH, city)
        def third = waiting(CERTIFICATE, city)

        expect:
        queue.ahead(city, day, 'SHIMIN', first.number()) == 0
        queue.ahead(city, day, 'SHIMIN', third.number()) == 2
        queue.ahead(city, day, 'HOKEN', health.number()) == 0
        queue.typicalHandling(city, day, 'SHIMIN').isEmpty()

        when: 'the first two are called and finished, in 4 and in 8 minutes'
        finish(city, first, 4)
        finish(city, second, 8)

        then:
        queue.ahead(city, day, 'SHIMIN', third.number()) == 0
        queue.typicalHandling(city, day, 'SHIMIN').get() == java.time.Duration.ofMinutes(6)
        queue.typicalHandling(city, day, 'HOKEN').isEmpty()
    }

    private void finish(LocalGovernmentCode city, Reception visit, int minutes) {
        def clerk = Operator.staff('c1', '職員')
        def r = receptions.find(city, visit.number()).get()
        r.call(new jp.madoguchi.domain.reception.ServiceCounter('SHIMIN-1', '1番窓口', SHIMIN), clerk, NOW)
        r.startHearing(clerk, NOW.plusSeconds(30))
        r.confirm(clerk, NOW.plusSeconds(60))
        r.markPrinted(clerk, NOW.plusSeconds(90), '申請書を印刷')
        r.complete(clerk, NOW.plusSeconds(minutes * 60))
        receptions.update(r)
    }
}
