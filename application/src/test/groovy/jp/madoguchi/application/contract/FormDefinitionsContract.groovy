package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.application.port.out.FormDefinitions
import jp.madoguchi.application.port.out.FormDefinitions.StoredForm
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate

/**
 * What every {@link FormDefinitions} promises: versions per city by form and version, with who published them; a
 * version published twice is refused; shipped forms only fill what the city lacks.
 */
abstract class FormDefinitionsContract extends Specification {

    static int cities = 0

    abstract FormDefinitions forms()

    LocalGovernmentCode city = LocalGovernmentCode.fromFiveDigits(String.valueOf(93000 + (cities++)))
    LocalGovernmentCode other = LocalGovernmentCode.fromFiveDigits(String.valueOf(92000 + (cities++)))
    Operator admin = Operator.staff('admin', '管理 次郎')
    Instant at = Instant.parse('2026-11-22T01:02:03Z')

    static StoredForm form(String id, int version, String text) {
        new StoredForm(id, version, LocalDate.of(2026, 4, version), text, '', null)
    }

    def "版は市ごとに様式と版の順で並び、公開した人と時刻が残る"() {
        when:
        forms().publish(city, form('CONTRACT_B', 1, 'B1'), admin, at)
        forms().publish(city, form('CONTRACT_A', 1, 'A1'), admin, at)
        forms().publish(city, form('CONTRACT_A', 2, 'A2'), admin, at.plusSeconds(60))
        forms().publish(other, form('CONTRACT_A', 1, 'other'), admin, at)

        then:
        forms().versions(city).collect { it.id() + '/' + it.version() + '/' + it.text() } ==
                ['CONTRACT_A/1/A1', 'CONTRACT_A/2/A2', 'CONTRACT_B/1/B1']
        forms().versions(city)[1].effectiveFrom() == LocalDate.of(2026, 4, 2)
        forms().versions(city).every { it.publishedBy().contains('管理 次郎') }
        forms().versions(city)[1].publishedAt() == at.plusSeconds(60)
        forms().versions(other)*.text() == ['other']
    }

    def "同じ版をもう一度公開すると、上書きせずに断る"() {
        given:
        forms().publish(city, form('CONTRACT_C', 1, 'first'), admin, at)

        when:
        forms().publish(city, form('CONTRACT_C', 1, 'second'), admin, at)

        then:
        thrown(ConcurrentUpdateException)
        forms().versions(city)*.text() == ['first']
    }

    def "出荷の様式は、市にまだ無いものだけを第1版として入れ、二度目は何も入れない"() {
        given:
        forms().publish(city, form('CONTRACT_D', 1, 'city'), admin, at)
        def shipped = [form('CONTRACT_D', 1, 'shipped D'), form('CONTRACT_E', 1, 'shipped E')]

        expect:
        forms().seedMissing(city, shipped, at) == 1
        forms().seedMissing(city, shipped, at) == 0
        forms().versions(city).collect { it.id() + '/' + it.text() } == ['CONTRACT_D/city', 'CONTRACT_E/shipped E']
        forms().versions(other).isEmpty()
    }

    def "直した出荷の様式は、市がそのまま使っている様式にだけ次の版として入り、市が公開した様式は変えない"() {
        given: 'F as shipped, G published by the city over the shipped one'
        forms().seedMissing(city, [form('CONTRACT_F', 1, 'shipped F'), form('CONTRACT_G', 1, 'shipped G')], at)
        forms().publish(city, form('CONTRACT_G', 2, 'city G'), admin, at)
        def corrected = [form('CONTRACT_F', 1, 'corrected F'), form('CONTRACT_G', 1, 'corrected G'), form('CONTRACT_H', 1, 'new H')]
        def from = java.time.LocalDate.of(2026, 12, 5)

        expect:
        forms().updateShipped(city, corrected, from, at) == 1
        forms().updateShipped(city, corrected, from, at) == 0

        and: 'the earlier version stays for the receptions that printed with it'
        forms().versions(city).findAll { it.id() == 'CONTRACT_F' }.collect { "${it.version()}/${it.text()}/${it.effectiveFrom()}".toString() } ==
                ["1/shipped F/${form('CONTRACT_F', 1, '').effectiveFrom()}".toString(), '2/corrected F/2026-12-05']
        forms().versions(city).findAll { it.id() == 'CONTRACT_G' }*.text() == ['shipped G', 'city G']
        !forms().versions(city).any { it.id() == 'CONTRACT_H' }
        forms().versions(other).isEmpty()
    }
}
