package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.ResidentRegistry
import jp.madoguchi.application.port.out.ResidentReplica
import jp.madoguchi.domain.enrolment.Enrolments
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.HouseholdNumber
import jp.madoguchi.domain.resident.IndividualNumber
import jp.madoguchi.domain.resident.MatchKey
import jp.madoguchi.domain.resident.Resident
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.LocalDate

/** The registry replica in memory: the same look-ups the PostgreSQL adapter answers, by brute force. */
class InMemoryResidentRegistry implements ResidentRegistry, ResidentReplica {

    final List<Resident> residents = []

    @Override
    void store(Collection<Resident> added) {
        residents.addAll(added)
    }

    @Override
    Optional<Resident> find(LocalGovernmentCode city, AddresseeNumber number) {
        Optional.ofNullable(residents.find { it.city() == city && it.addresseeNumber() == number })
    }

    @Override
    Optional<Resident> byResidenceCardNumber(LocalGovernmentCode city, String cardNumber) {
        Optional.ofNullable(residents.findAll { it.city() == city && it.foreignResidence()?.residenceCardNumber() == cardNumber }
                .min { it.status().ordinal() })
    }

    @Override
    Optional<IndividualNumber> individualNumberOf(LocalGovernmentCode city, AddresseeNumber number) {
        find(city, number).map { it.individualNumber() }
    }

    @Override
    List<Resident> bornOn(LocalGovernmentCode city, LocalDate birthDate, int limit) {
        residents.findAll { it.city() == city && it.birthDate().toLocalDate().orElse(null) == birthDate }.take(limit)
    }

    @Override
    List<Resident> bornOnOrNamed(LocalGovernmentCode city, LocalDate birthDate, String nameKey) {
        residents.findAll {
            it.city() == city && (it.birthDate().toLocalDate().orElse(null) == birthDate
                    || MatchKey.nameOf(it.name()).split('\\|').contains(nameKey))
        }
    }

    @Override
    List<Resident> byKanaKey(LocalGovernmentCode city, String kanaKey, boolean prefix, int limit) {
        residents.findAll {
            def key = MatchKey.kanaOf(it.name())
            it.city() == city && (prefix ? key.startsWith(kanaKey) : key.contains(kanaKey))
        }.sort { MatchKey.kanaOf(it.name()) }.take(limit)
    }

    @Override
    List<Resident> householdMembers(LocalGovernmentCode city, HouseholdNumber number) {
        residents.findAll { it.city() == city && it.householdNumber() == number }
    }

    @Override
    Enrolments enrolments(LocalGovernmentCode city, AddresseeNumber number) {
        new Enrolments(number, [], null, [], null)
    }

    @Override
    long count(LocalGovernmentCode city) {
        residents.count { it.city() == city }
    }
}
