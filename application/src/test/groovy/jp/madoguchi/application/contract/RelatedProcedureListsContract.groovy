package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.application.port.out.RelatedProcedureLists
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.RelatedProcedureList
import jp.madoguchi.domain.procedure.Suggestion
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate

/**
 * What every {@link RelatedProcedureLists} promises: one list per visit that reads back as saved (answers, items,
 * reasons, removals), each save one version on, and a save from a stale version refused.
 */
abstract class RelatedProcedureListsContract extends Specification {

    static int visits = 0

    abstract RelatedProcedureLists lists()

    /** Makes the visit exist where the store needs it to. */
    abstract ReceptionNumber visit(LocalGovernmentCode city, ReceptionNumber number)

    LocalGovernmentCode city = new LocalGovernmentCode('999997')
    LocalGovernmentCode other = LocalGovernmentCode.fromFiveDigits('99998')
    ReceptionNumber number = visit(city, new ReceptionNumber(LocalDate.of(2026, 11, 22), 700 + (visits++)))
    Instant at = Instant.parse('2026-11-22T01:00:00Z')

    static RelatedProcedureList list(long version, Instant at, List<RelatedProcedureList.Item> items) {
        new RelatedProcedureList(LifeEvent.MOVE_IN, '国内', LocalDate.of(2026, 11, 20), ['職場の健康保険': 'なし'], at,
                '窓口 一郎', items, version)
    }

    static RelatedProcedureList.Item item(int seq, String procedure, String member, RelatedProcedureList.Removal removal) {
        new RelatedProcedureList.Item(seq, procedure, member, member == null ? null : '窓口 花子',
                [new Suggestion.Reason('MOVE_IN_NHI', 2, [ja: '加入していないため', en: 'not covered'])],
                RelatedProcedureList.Origin.RULE, removal)
    }

    def "保存した一覧がそのまま読み戻され、保存のたびに版が一つ進む"() {
        expect:
        lists().find(city, number).isEmpty()

        when:
        def first = lists().save(city, number, list(0, at, [item(1, 'NHI_ENROLMENT', '0000000018', null),
                                                            item(2, 'SEAL_REGISTRATION', null, null)]))
        def second = lists().save(city, number, list(1, at.plusSeconds(60), [item(1, 'NHI_ENROLMENT', '0000000018',
                new RelatedProcedureList.Removal('窓口 一郎', at.plusSeconds(60), '職場の保険に加入済み'))]))

        then:
        first.version() == 1
        second.version() == 2
        with(lists().find(city, number).get()) {
            version() == 2
            event() == LifeEvent.MOVE_IN
            kind() == '国内'
            eventDate() == LocalDate.of(2026, 11, 20)
            answers() == ['職場の健康保険': 'なし']
            determinedAt() == at.plusSeconds(60)
            items().size() == 1
            items()[0].memberId() == '0000000018'
            items()[0].reasons()[0].ruleVersion() == 2
            items()[0].reasons()[0].in('en') == 'not covered'
            items()[0].removal().reason() == '職場の保険に加入済み'
        }
        lists().find(other, number).isEmpty()
    }

    def "古い版からの保存は、先の変更を上書きせずに断る"() {
        given:
        lists().save(city, number, list(0, at, [item(1, 'NHI_ENROLMENT', null, null)]))
        lists().save(city, number, list(1, at, [item(1, 'CHILD_ALLOWANCE_CLAIM', null, null)]))

        when:
        lists().save(city, number, list(1, at, [item(1, 'SEAL_REGISTRATION', null, null)]))

        then:
        thrown(ConcurrentUpdateException)
        lists().find(city, number).get().items()*.procedureCode() == ['CHILD_ALLOWANCE_CLAIM']
    }
}
