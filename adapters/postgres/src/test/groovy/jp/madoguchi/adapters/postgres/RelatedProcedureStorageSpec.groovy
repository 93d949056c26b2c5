package jp.madoguchi.adapters.postgres

import jp.madoguchi.adapters.catalogue.ShippedProcedureRules
import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.EventFacts
import jp.madoguchi.domain.procedure.Fact
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.MemberFacts
import jp.madoguchi.domain.procedure.Procedure
import jp.madoguchi.domain.procedure.ProcedureRuleText
import jp.madoguchi.domain.procedure.RelatedProcedureList
import jp.madoguchi.domain.procedure.RelatedProcedureRules
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.Operator

import java.time.Instant
import java.time.LocalDate

import static jp.madoguchi.adapters.postgres.testing.Fixtures.CITY
import static jp.madoguchi.adapters.postgres.testing.Fixtures.OTHER_CITY

/** Rule versions and reception lists in PostgreSQL: seeding once, versions kept, concurrent edits refused. */
class RelatedProcedureStorageSpec extends DatabaseSpecification {

    static final Operator ADMIN = Operator.staff('admin', '管理 太郎')
    static final LocalDate DAY = LocalDate.of(2026, 11, 22)
    static final Instant T0 = Instant.parse('2026-11-22T00:30:00Z')

    def "初期規則は市ごとに一度だけ第1版として入り、書いた順を保つ"() {
        given:
        def rules = new JdbiProcedureRules(jdbi)
        def shipped = ShippedProcedureRules.load()

        expect:
        rules.seedMissing(CITY, shipped, T0) == shipped.size()
        rules.seedMissing(CITY, shipped, T0) == 0
        rules.versions(CITY)*.id() == shipped*.id()
        rules.versions(CITY).every { it.version() == 1 && it.effectiveFrom() == ShippedProcedureRules.IN_FORCE_FROM }
        rules.versions(OTHER_CITY).isEmpty()
    }

    def "新しい版は前の版を残して加わり、同じ版を二人が公開すると後の人は断られる"() {
        given:
        def rules = new JdbiProcedureRules(jdbi)
        rules.seedMissing(OTHER_CITY, ShippedProcedureRules.load(), T0)
        def v1 = rules.versions(OTHER_CITY).find { it.id() == 'MOVE_IN_LATE_ELDERLY' }
        def edited = ProcedureRuleText.parseOne(v1.text().replace('年齢 >= 75', '年齢 >= 74'), DAY).asVersion(2, DAY, null)

        when:
        rules.publish(OTHER_CITY, edited, ADMIN, T0)

        then:
        rules.history(OTHER_CITY, 'MOVE_IN_LATE_ELDERLY')*.rule()*.version() == [1, 2]
        rules.history(OTHER_CITY, 'MOVE_IN_LATE_ELDERLY')[1].publishedBy() == '管理 太郎（admin）'
        RelatedProcedureRules.inForceOn(rules.versions(OTHER_CITY), DAY).rules().find { it.id() == 'MOVE_IN_LATE_ELDERLY' }
                .conditions()*.toString() == ['年齢 >= 74']
        RelatedProcedureRules.inForceOn(rules.versions(OTHER_CITY), DAY.minusDays(1)).rules().find { it.id() == 'MOVE_IN_LATE_ELDERLY' }
                .version() == 1

        when:
        rules.publish(OTHER_CITY, edited, Operator.staff('other', '別の 管理者'), T0)

        then:
        ConcurrentUpdateException e = thrown()
        e.message.contains('第2版は他の職員が先に公開しました')
    }

    def "受付の関連手続は理由と版ごと保存され、古い版を見て変えようとすると断られる"() {
        given:
        def receptions = new JdbiReceptions(jdbi)
        def reception = Reception.open(CITY, receptions.nextNumber(CITY, DAY), Channel.COUNTER, AddresseeNumber.fromSerial(1, 9),
                [new Procedure('MOVE_IN_NOTIFICATION', '転入届', new Department('SHIMIN', '市民課'), LifeEvent.MOVE_IN)],
                Operator.staff('clerk', '窓口 一郎'), T0)
        receptions.add(reception)
        def facts = new EventFacts(LifeEvent.MOVE_IN, '国内', DAY, [new MemberFacts('000000019', '窓口 花子',
                LocalDate.of(1940, 1, 1), [(Fact.SUBJECT): 'はい'])], [職場の健康保険: 'なし'])
        def suggestions = RelatedProcedureRules.inForceOn(ShippedProcedureRules.load(), DAY).determine(facts)
        def lists = new JdbiRelatedProcedureLists(jdbi)

        when:
        def saved = lists.save(CITY, reception.number(), RelatedProcedureList.determined(facts, suggestions, '窓口 一郎', T0, 0))
        def loaded = lists.find(CITY, reception.number()).get()

        then:
        saved.version() == 1
        loaded.items()*.procedureCode() == suggestions*.procedureCode()
        loaded.items().find { it.procedureCode() == 'LATE_ELDERLY_ENROLMENT' }.reasons()
                .collect { [it.ruleId(), it.ruleVersion(), it.in('ja'), it.in('en')] } ==
                [['MOVE_IN_LATE_ELDERLY', 1, '75歳以上の方は後期高齢者医療に入るため', 'Members aged 75 or over join Medical Care for the Elderly']]
        loaded.answers() == [職場の健康保険: 'なし']
        loaded.kind() == '国内'
        lists.find(OTHER_CITY, reception.number()).isEmpty()

        when: 'one clerk removes a procedure'
        def removed = lists.save(CITY, reception.number(), loaded.remove(1, '窓口 一郎', T0.plusSeconds(60), '手続済み'))

        then:
        removed.version() == 2
        removed.items()[0].removal().reason() == '手続済み'
        removed.current().size() == loaded.items().size() - 1

        when: 'another clerk, still looking at the first version, adds one'
        lists.save(CITY, reception.number(), loaded.add('DOG_REGISTRATION_CHANGE', null, null, '犬を飼い始めた'))

        then:
        thrown(ConcurrentUpdateException)
        lists.find(CITY, reception.number()).get().items()[0].removal().reason() == '手続済み'
    }
}
