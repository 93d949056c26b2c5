package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryMoveIns
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.reception.OtherDepartmentRejection
import jp.madoguchi.domain.reception.ReceptionNumber

import java.time.LocalDate

/** 受付の一覧と詳細: 今日の受付を新しい順に、詳細は住民の表示をアクセス記録に残して。 */
class FindReceptionsServiceSpec extends CounterFixture {

    def search = new SearchResidentsService(registry, trail, clock)
    def find = new FindReceptionsService(receptions, registry, new InMemoryMoveIns(), cards, search, jp.madoguchi.domain.calendar.EraTable.shipped(), clock)

    def "今日の受付が新しい順に、確認済みの住民の名前と未確認の印つきで並ぶ"() {
        given:
        def first = visit(['RESIDENT_CERTIFICATE'], resident(1, '見本　花子'))
        def second = visit(['NHI_ENROLMENT'])

        when:
        def today = find.today(CITY)

        then:
        today*.number() == [second.number(), first.number()]
        today*.residentName() == ['（未確認）', '見本　花子']
        today*.departmentCode() == ['HOKEN', 'SHIMIN']
    }

    def "詳細を開くと住民が表示され、その表示がアクセス記録に残る"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(2))

        when:
        def details = find.details(CITY, r.number(), CLERK).get()

        then:
        details.resident().get().addresseeNumber() == resident(2).addresseeNumber()
        trail.of(AuditAction.VIEW_RESIDENT)*.residents() == [[resident(2).addresseeNumber().value()]]
    }

    def "ない受付番号は空、ほかの課の受付の詳細は担当課の職員にしか開けない"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(3))

        expect:
        find.details(CITY, new ReceptionNumber(LocalDate.of(2026, 11, 22), 99), CLERK).isEmpty()

        when:
        find.details(CITY, r.number(), HOKEN_CLERK)

        then:
        thrown(OtherDepartmentRejection)
        trail.entries.isEmpty()
    }
}
