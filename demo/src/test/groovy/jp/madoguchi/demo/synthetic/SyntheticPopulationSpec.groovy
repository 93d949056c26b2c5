package jp.madoguchi.demo.synthetic

import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population
import jp.madoguchi.domain.resident.Relationship
import jp.madoguchi.domain.resident.ResidentStatus
import jp.madoguchi.domain.resident.ResidentType
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Shared
import spock.lang.Specification

import java.time.LocalDate

class SyntheticPopulationSpec extends Specification {

    static final LocalDate AS_OF = LocalDate.of(2026, 4, 1)

    static Population settings(long seed) {
        new Population(new LocalGovernmentCode('999997'), '見本県', 'みらい市', seed, AS_OF)
    }

    @Shared
    List<SyntheticHousehold> population = new SyntheticPopulation(settings(42)).generate(20_000)

    def "同じシードからは同じ住民が生成される"() {
        when:
        def again = new SyntheticPopulation(settings(42)).generate(20_000)
        def other = new SyntheticPopulation(settings(43)).generate(20_000)

        then:
        again == population
        other != population
    }

    def "指定した人数ちょうどの住民を生成する"() {
        expect:
        population.sum { it.household().members().size() } == 20_000
        new SyntheticPopulation(settings(1)).generate(1).first().household().members().size() == 1
    }

    def "現実的な世帯の内容を含む"() {
        given:
        def residents = population*.household()*.members().flatten()

        expect: 'households of several shapes with plausible 続柄'
        residents.count { it.relationship().label() == '世帯主' } == population.size()
        residents.any { it.relationship().label() == '妻' }
        residents.any { it.relationship().label() == '子の妻' }
        residents.any { it.relationship().label() == '子の子' }
        residents.any { it.relationship().kind() in [Relationship.Kind.LODGER, Relationship.Kind.CONNECTED_PERSON] }

        and: 'kana readings for everyone'
        residents.every { it.name().nameKana() != null }

        and: 'IVS variants and non-BMP kanji in some names'
        residents.any { it.name().hasVariationSelectors() }
        residents.any { it.name().name().codePoints().anyMatch { cp -> cp > 0xFFFF && cp < 0xE0000 } }

        and: 'foreign residents with alphabet names, 通称 and 在留 data'
        def foreigners = residents.findAll { it.type() == ResidentType.FOREIGN }
        foreigners.size() > 200
        foreigners.every { it.foreignResidence() != null }
        foreigners.any { it.name().alphabetName() != null }
        foreigners.any { it.name().alias() != null }

        and: 'rare 不詳日 and some 除票 persons'
        residents.count { !it.birthDate().isExact() } in 1..40
        residents.any { it.status() == ResidentStatus.DECEASED || it.status() == ResidentStatus.MOVED_OUT }
    }

    def "業務の状況が年齢と合っている"() {
        given:
        def pairs = population.collectMany { h -> [h.household().members(), h.statuses()].transpose() }

        expect:
        pairs.every { r, BusinessStatus s ->
            def age = r.ageOn(AS_OF)
            if (age.isEmpty()) return true
            int a = age.asInt
            (s.lateStageElderlyInsuranceSince() != null) == (a >= 75) &&
                    (s.longTermCareInsuranceSince() != null) == (a >= 65) &&
                    (s.nationalHealthInsuranceSince() == null || a < 75) &&
                    (s.pensionCategory() == null || a in 20..59)
        }
        pairs.any { r, s -> s.nationalHealthInsuranceSince() != null }
        pairs.any { r, s -> s.pensionCategory() == '3' }
        pairs.any { r, s -> !s.childAllowanceFor().isEmpty() }

        and: 'children covered by 児童手当 are 18 or younger'
        def byNumber = population*.household()*.members().flatten().collectEntries { [it.addresseeNumber(), it] }
        pairs.collectMany { r, s -> s.childAllowanceFor() }.every { byNumber[it].ageOn(AS_OF).asInt <= 18 }
    }
}
