package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.application.port.out.ProcedureRules
import jp.madoguchi.domain.procedure.ProcedureRule
import jp.madoguchi.domain.procedure.ProcedureRuleText
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate

/**
 * What every {@link ProcedureRules} promises: versions per city, in the order the rules were first written and then
 * by version; a version published twice is refused, not overwritten; shipped rules only fill what the city lacks.
 */
abstract class ProcedureRulesContract extends Specification {

    static int cities = 0

    abstract ProcedureRules rules()

    LocalGovernmentCode city = LocalGovernmentCode.fromFiveDigits(String.valueOf(95000 + (cities++)))
    LocalGovernmentCode other = LocalGovernmentCode.fromFiveDigits(String.valueOf(94000 + (cities++)))
    Operator admin = Operator.staff('admin', '管理 次郎')
    Instant at = Instant.parse('2026-11-22T01:02:03Z')

    static ProcedureRule rule(String id, String procedure, LocalDate from) {
        ProcedureRuleText.parseOne("""規則: ${id}
手続: ${procedure}
ライフイベント: 転入
対象: 世帯員
条件: 年齢 < 75
理由: 契約の確認のため
""", from)
    }

    def "版は市ごとに、最初に書かれた規則の順、版の順に並び、誰がいつ公開したかが残る"() {
        given:
        def a = rule('CONTRACT_A', 'NHI_ENROLMENT', LocalDate.of(2026, 4, 1))
        def b = rule('CONTRACT_B', 'CHILD_ALLOWANCE_CLAIM', LocalDate.of(2026, 4, 1))

        when:
        rules().publish(city, a, admin, at)
        rules().publish(city, b, admin, at)
        rules().publish(city, a.asVersion(2, LocalDate.of(2026, 10, 1), null), admin, at.plusSeconds(60))
        rules().publish(other, b, admin, at)

        then:
        rules().versions(city).collect { it.id() + '/' + it.version() } == ['CONTRACT_A/1', 'CONTRACT_A/2', 'CONTRACT_B/1']
        rules().versions(city)[1].effectiveFrom() == LocalDate.of(2026, 10, 1)
        rules().versions(other)*.id() == ['CONTRACT_B']
        with(rules().history(city, 'CONTRACT_A')) {
            it*.rule()*.version() == [1, 2]
            it.every { v -> v.publishedBy().contains('管理 次郎') }
            it*.publishedAt() == [at, at.plusSeconds(60)]
        }
        rules().history(city, 'NO_SUCH_RULE').isEmpty()
    }

    def "同じ版をもう一度公開すると、上書きせずに断る"() {
        given:
        rules().publish(city, rule('CONTRACT_C', 'NHI_ENROLMENT', LocalDate.of(2026, 4, 1)), admin, at)

        when:
        rules().publish(city, rule('CONTRACT_C', 'CHILD_ALLOWANCE_CLAIM', LocalDate.of(2026, 5, 1)), admin, at)

        then:
        thrown(ConcurrentUpdateException)
        rules().versions(city).size() == 1
        rules().versions(city)[0].procedureCode() == 'NHI_ENROLMENT'
    }

    def "出荷の規則は、市にまだ無いものだけを第1版として入れ、二度目は何も入れない"() {
        given:
        rules().publish(city, rule('CONTRACT_D', 'NHI_ENROLMENT', LocalDate.of(2026, 4, 1)), admin, at)
        def shipped = [rule('CONTRACT_D', 'CHILD_ALLOWANCE_CLAIM', LocalDate.of(2024, 4, 1)),
                       rule('CONTRACT_E', 'CHILD_ALLOWANCE_CLAIM', LocalDate.of(2024, 4, 1))]

        expect:
        rules().seedMissing(city, shipped, at) == 1
        rules().seedMissing(city, shipped, at) == 0
        rules().versions(city).collect { it.id() + '/' + it.procedureCode() } ==
                ['CONTRACT_D/NHI_ENROLMENT', 'CONTRACT_E/CHILD_ALLOWANCE_CLAIM']
        rules().history(city, 'CONTRACT_E')*.rule()*.version() == [1]
        rules().versions(other).isEmpty()
    }
}
