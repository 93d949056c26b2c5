package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.application.port.out.Receptions
import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.reception.ReceptionState
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate

/**
 * What every {@link Receptions} promises, run against the in-memory fake (application) and the PostgreSQL store
 * (adapters-postgres), so the fake the use-case specs rely on cannot drift from the real one.
 */
abstract class ReceptionsContract extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final LocalGovernmentCode OTHER = LocalGovernmentCode.fromFiveDigits('99998')
    static final Department SHIMIN = new Department('SHIMIN', '市民課')
    static final Department HOKEN = new Department('HOKEN', '保険年金課')
    static final Procedure CERTIFICATE = new Procedure('RESIDENT_CERTIFICATE', '住民票の写し', SHIMIN, LifeEvent.CERTIFICATE)
    static final Procedure NHI = new Procedure('NHI_ENROLMENT', '国民健康保険の加入', HOKEN, LifeEvent.MOVE_IN)
    static final Operator CLERK = Operator.staff('clerk', '窓口 一郎')
    static final Instant T0 = Instant.parse('2026-11-22T00:30:00Z')
    /** Each feature its own day, so a store shared by the features still starts each at serial 1. */
    static int days = 0

    LocalDate day = LocalDate.of(2026, 1, 1).plusDays(days++)

    abstract Receptions receptions()

    Reception opened(LocalGovernmentCode city = CITY, List<Procedure> procedures = [CERTIFICATE]) {
        def reception = Reception.open(city, receptions().nextNumber(city, day), Channel.KIOSK,
                AddresseeNumber.fromSerial(1, 9), procedures, Operator.kiosk('K01'), T0)
        receptions().add(reception)
        reception
    }

    Reception stored(Reception r) {
        receptions().find(r.city(), r.number()).orElseThrow()
    }

    /** The current department's steps up to its 完了, all at {@code at}. */
    static void finishHere(Reception r, Instant at) {
        r.startHearing(CLERK, at)
        r.confirm(CLERK, at)
        r.markPrinted(CLERK, at, '印刷')
        r.complete(CLERK, at)
    }

    def "受付番号は市と日ごとの連番"() {
        expect:
        receptions().nextNumber(CITY, day).serial() == 1
        receptions().nextNumber(CITY, day).serial() == 2
        receptions().nextNumber(OTHER, day).serial() == 1
        receptions().nextNumber(CITY, day.plusDays(1000)).serial() == 1
    }

    def "保存した受付を、手続・担当課・住民・経過ごと読み戻す"() {
        given:
        def r = opened(CITY, [NHI, CERTIFICATE])

        expect:
        with(stored(r)) {
            state() == ReceptionState.RECEIVED
            procedures() == [NHI, CERTIFICATE]
            department() == HOKEN
            resident().get() == AddresseeNumber.fromSerial(1, 9)
            timeline()*.description() == ['記載台で受付（国民健康保険の加入・住民票の写し）']
            timeline()[0].at() == T0
            version() == 0
        }
        receptions().find(OTHER, r.number()).isEmpty()
    }

    def "更新は読んだ版を名指しし、版が進む。古い版からの更新は上書きせずに断る"() {
        given:
        def r = opened()
        def first = stored(r)
        def second = stored(r)

        when:
        first.startHearing(CLERK, T0.plusSeconds(10))
        receptions().update(first)

        then:
        stored(r).version() == 1
        stored(r).state() == ReceptionState.HEARING

        when:
        second.startHearing(Operator.staff('other', '別の 職員'), T0.plusSeconds(20))
        receptions().update(second)

        then:
        thrown(ConcurrentUpdateException)
        stored(r).timeline()*.operatorName() == ['記載台 K01', '窓口 一郎']
    }

    def "経過の追記は版を進めず、先に誰かが追記していても後ろに続く"() {
        given:
        def r = opened()
        def a = stored(r)
        def b = stored(r)

        when:
        a.record(CLERK, T0.plusSeconds(5), '申請書を表示')
        receptions().appendTimeline(a)
        b.record(CLERK, T0.plusSeconds(6), '様式を表示')
        receptions().appendTimeline(b)

        then:
        stored(r).version() == 0
        stored(r).timeline()*.description().takeRight(2) == ['申請書を表示', '様式を表示']
    }

    def "関連手続から加えた手続と、課ごとの完了を読み戻す"() {
        given: 'a certificate visit that adopted 国保 and finished its 市民課 part'
        def r = stored(opened())
        r.adopt([NHI], CLERK, T0.plusSeconds(5))
        finishHere(r, T0.plusSeconds(40))
        receptions().update(r)

        expect:
        with(stored(r)) {
            procedures() == [CERTIFICATE, NHI]
            adopted('NHI_ENROLMENT')
            !adopted('RESIDENT_CERTIFICATE')
            finishedAt('RESIDENT_CERTIFICATE').get() == T0.plusSeconds(40)
            finishedAt('NHI_ENROLMENT').isEmpty()
            state() == ReceptionState.REFERRED
            department() == HOKEN
        }

        when: '保険年金課 finishes the rest'
        def again = stored(r)
        finishHere(again, T0.plusSeconds(60))
        receptions().update(again)

        then:
        with(stored(r)) {
            state() == ReceptionState.COMPLETED
            finishedAt('NHI_ENROLMENT').get() == T0.plusSeconds(60)
            completedAt().get() == T0.plusSeconds(60)
        }
    }

    def "受付から外した関連手続は読み戻しても無い"() {
        given:
        def r = stored(opened())
        r.adopt([NHI], CLERK, T0.plusSeconds(5))
        receptions().update(r)
        def again = stored(r)
        again.withdraw('NHI_ENROLMENT', CLERK, T0.plusSeconds(6), '職場の健康保険に加入済み')
        receptions().update(again)

        expect:
        stored(r).procedures() == [CERTIFICATE]
        !stored(r).adopted('NHI_ENROLMENT')
    }

    def "その日に開いた受付を、その市の分だけ返す"() {
        given:
        def a = opened()
        def b = opened()
        opened(OTHER)

        expect:
        receptions().openedOn(CITY, day)*.number() as Set == [a.number(), b.number()] as Set
        receptions().openedOn(CITY, day.plusDays(1)).isEmpty()
    }
}
