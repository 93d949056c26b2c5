package jp.madoguchi.demo

import jp.madoguchi.adapters.postgres.DatabaseSpecification
import jp.madoguchi.adapters.postgres.JdbiResidentRegistry
import jp.madoguchi.adapters.postgres.testing.Fixtures
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population
import jp.madoguchi.demo.synthetic.SyntheticPopulation
import jp.madoguchi.domain.calendar.EraTable
import jp.madoguchi.domain.resident.Resident
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.LocalDate

/** The demo's residents, every shape the generator makes (外国人, 不詳日, 旧氏…), survive the production registry. */
class SyntheticPopulationInRegistrySpec extends DatabaseSpecification {

    def "合成住民を一括で保存し、そのまま読み戻せる"() {
        given:
        def registry = new JdbiResidentRegistry(jdbi, Fixtures.sensitiveItems(), EraTable.shipped())
        def town = LocalGovernmentCode.fromFiveDigits('99990')
        def people = new SyntheticPopulation(new Population(town, '見本県', 'さくら町', 7, LocalDate.of(2026, 4, 1)))
                .generate(1000)*.household()*.members().flatten()

        when:
        registry.store(people)

        then:
        registry.count(town) == 1000
        people.take(50).every { registry.find(town, it.addresseeNumber()).get() == withoutNumber(it) }
    }

    /** The replica stores no 個人番号, so compare without it. */
    static Resident withoutNumber(Resident r) {
        new Resident(r.city(), r.addresseeNumber(), r.householdNumber(), r.type(), r.status(), r.name(), r.birthDate(),
                r.sex(), r.relationship(), r.headOfHouseholdName(), r.address(), r.domicile(), r.domicileHead(),
                r.foreignResidence(), null)
    }
}
