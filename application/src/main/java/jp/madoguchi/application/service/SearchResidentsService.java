package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.ResidentCandidate;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.enrolment.Enrolments;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Household;
import jp.madoguchi.domain.resident.HouseholdNumber;
import jp.madoguchi.domain.resident.MatchKey;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * The registry lookups. Four-item matching draws candidates by birth date or by 氏名 key, then ranks them:
 * 氏名 45, 住所 25, 生年月日 20, 性別 10; a 除票 person loses 30 so a current resident always ranks first.
 */
public final class SearchResidentsService implements SearchResidentsUseCase {

    /** Below this score a resident is not offered as a candidate: the name alone (45) is enough to be offered. */
    static final int MINIMUM_SCORE = 45;

    private final ResidentRegistry registry;

    public SearchResidentsService(ResidentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<Resident> byAddresseeNumber(LocalGovernmentCode city, AddresseeNumber number) {
        return registry.find(city, number);
    }

    @Override
    public List<ResidentCandidate> byFourItems(LocalGovernmentCode city, FourItems items) {
        String nameKey = MatchKey.name(items.name());
        return registry.bornOnOrNamed(city, items.birthDate(), nameKey).stream()
                .map(r -> score(items, r))
                .filter(c -> c.score() >= MINIMUM_SCORE)
                .sorted(Comparator.comparingInt(ResidentCandidate::score).reversed()
                        .thenComparing(c -> c.resident().addresseeNumber().value()))
                .limit(LIMIT)
                .toList();
    }

    static ResidentCandidate score(FourItems items, Resident resident) {
        boolean name = MatchKey.sameName(items.name(), resident.name().name())
                || resident.name().alias() != null && MatchKey.sameName(items.name(), resident.name().alias());
        boolean address = items.address() != null && MatchKey.sameAddress(items.address(), resident.address().fullText());
        boolean born = items.birthDate() != null && resident.birthDate().toLocalDate().map(items.birthDate()::equals).orElse(false);
        boolean sex = items.sex() == resident.sex();
        boolean current = !resident.status().isRemoved();
        int score = (name ? 45 : 0) + (address ? 25 : 0) + (born ? 20 : 0) + (sex ? 10 : 0) - (current ? 0 : 30);
        return new ResidentCandidate(resident, Math.max(score, 0), name && address && born && sex && current);
    }

    @Override
    public List<Resident> byKana(LocalGovernmentCode city, String kana, KanaMatch match) {
        String key = MatchKey.kana(kana);
        if (key.isEmpty()) {
            return List.of();
        }
        // an infix shorter than a trigram cannot use the trigram index: it is searched as a prefix
        boolean prefix = match == KanaMatch.PREFIX || key.codePointCount(0, key.length()) < 3;
        return registry.byKanaKey(city, key, prefix, LIMIT);
    }

    @Override
    public List<Resident> byBirthDate(LocalGovernmentCode city, LocalDate birthDate) {
        return registry.bornOn(city, birthDate, LIMIT);
    }

    @Override
    public Optional<Household> household(LocalGovernmentCode city, HouseholdNumber number) {
        List<Resident> members = registry.householdMembers(city, number).stream()
                .sorted(Comparator.comparing((Resident r) -> r.status().isRemoved())
                        .thenComparing(r -> !r.isHeadOfHousehold())
                        .thenComparing(r -> r.birthDate().toLocalDate().orElse(LocalDate.MAX)))
                .toList();
        return members.isEmpty() ? Optional.empty() : Optional.of(new Household(number, members));
    }

    @Override
    public Enrolments enrolments(LocalGovernmentCode city, AddresseeNumber number) {
        return registry.enrolments(city, number);
    }
}
