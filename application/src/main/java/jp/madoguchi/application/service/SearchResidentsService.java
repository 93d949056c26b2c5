package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.ResidentCandidate;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.domain.enrolment.Enrolments;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Household;
import jp.madoguchi.domain.resident.HouseholdNumber;
import jp.madoguchi.domain.resident.MatchKey;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * The registry lookups. Four-item matching draws candidates by birth date or by 氏名 key, then ranks them:
 * 氏名 45, 住所 25, 生年月日 20, 性別 10; a 除票 person loses 30 so a current resident always ranks first.
 */
public final class SearchResidentsService implements SearchResidentsUseCase {

    private static final java.util.regex.Pattern RESIDENCE_CARD = java.util.regex.Pattern.compile("[A-Z]{2}[0-9]{8}[A-Z]{2}");

    /** Below this score a resident is not offered as a candidate: the name alone (45) is enough to be offered. */
    static final int MINIMUM_SCORE = 45;

    private final ResidentRegistry registry;
    private final AccessRecords access;
    private final Clock clock;

    public SearchResidentsService(ResidentRegistry registry, AuditTrail trail, Clock clock) {
        this.registry = registry;
        this.access = new AccessRecords(trail, clock);
        this.clock = clock;
    }

    @Override
    public Optional<Resident> byAddresseeNumber(LocalGovernmentCode city, AddresseeNumber number, Operator by) {
        Optional<Resident> found = registry.find(city, number);
        record(city, by, AuditAction.VIEW_RESIDENT, found.stream().toList(), "宛名番号で表示" + (found.isEmpty() ? "（該当なし）" : ""));
        return found;
    }

    @Override
    public Optional<Resident> byResidenceCardNumber(LocalGovernmentCode city, String cardNumber, Operator by) {
        String normalised = java.text.Normalizer.normalize(cardNumber == null ? "" : cardNumber, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        if (!RESIDENCE_CARD.matcher(normalised).matches()) {
            throw new Rejection("resident.residence-card-number",
                    "在留カード番号は英字2文字・数字8桁・英字2文字（例: AB12345678CD）で入力してください");
        }
        Optional<Resident> found = registry.byResidenceCardNumber(city, normalised);
        record(city, by, AuditAction.VIEW_RESIDENT, found.stream().toList(), "在留カード番号で表示" + (found.isEmpty() ? "（該当なし）" : ""));
        return found;
    }

    @Override
    public List<ResidentCandidate> byFourItems(LocalGovernmentCode city, FourItems items, Operator by) {
        String nameKey = MatchKey.name(items.name());
        List<ResidentCandidate> candidates = registry.bornOnOrNamed(city, items.birthDate(), nameKey).stream()
                .map(r -> score(items, r))
                .filter(c -> c.score() >= MINIMUM_SCORE)
                .sorted(Comparator.comparingInt(ResidentCandidate::score).reversed()
                        .thenComparing(c -> c.resident().addresseeNumber().value()))
                .limit(LIMIT)
                .toList();
        record(city, by, AuditAction.SEARCH_RESIDENTS, candidates.stream().map(ResidentCandidate::resident).toList(),
                "4情報で照合（候補 " + candidates.size() + " 件）");
        return candidates;
    }

    /** The terms searched for are personal data too: the entry says how, and whom it returned, not what was typed. */
    private void record(LocalGovernmentCode city, Operator by, AuditAction action, List<Resident> residents, String detail) {
        access.record(city, by, action, residents.stream().map(r -> r.addresseeNumber().value()).toList(), "", detail);
    }

    static ResidentCandidate score(FourItems items, Resident resident) {
        boolean name = MatchKey.sameName(items.name(), resident.name().name())
                || resident.name().alias() != null && MatchKey.sameName(items.name(), resident.name().alias());
        boolean address = items.address() != null && MatchKey.sameAddress(items.address(), resident.address().fullText());
        boolean born = items.birthDate() != null && resident.birthDate().toLocalDate().map(items.birthDate()::equals).orElse(false);
        // a driving licence does not state 性別: three items that agree identify as well, nothing is guessed
        boolean sex = items.sex() == null || items.sex() == resident.sex();
        boolean current = !resident.status().isRemoved();
        int score = (name ? 45 : 0) + (address ? 25 : 0) + (born ? 20 : 0) + (sex ? 10 : 0) - (current ? 0 : 30);
        return new ResidentCandidate(resident, Math.max(score, 0), name && address && born && sex && current);
    }

    @Override
    public List<Resident> byKana(LocalGovernmentCode city, String kana, KanaMatch match, Operator by) {
        String key = MatchKey.kana(kana);
        if (key.isEmpty()) {
            return List.of();
        }
        // an infix shorter than a trigram cannot use the trigram index: it is searched as a prefix
        boolean prefix = match == KanaMatch.PREFIX || key.codePointCount(0, key.length()) < 3;
        List<Resident> found = registry.byKanaKey(city, key, prefix, LIMIT);
        record(city, by, AuditAction.SEARCH_RESIDENTS, found, "フリガナで検索（" + (prefix ? "前方一致" : "部分一致") + "、" + found.size() + " 件）");
        return found;
    }

    @Override
    public List<Resident> byBirthDate(LocalGovernmentCode city, LocalDate birthDate, Operator by) {
        List<Resident> found = registry.bornOn(city, birthDate, LIMIT);
        record(city, by, AuditAction.SEARCH_RESIDENTS, found, "生年月日で検索（" + found.size() + " 件）");
        return found;
    }

    @Override
    public Optional<Household> household(LocalGovernmentCode city, HouseholdNumber number, Operator by) {
        List<Resident> members = registry.householdMembers(city, number).stream()
                .sorted(Comparator.comparing((Resident r) -> r.status().isRemoved())
                        .thenComparing(r -> !r.isHeadOfHousehold())
                        .thenComparing(r -> r.birthDate().toLocalDate().orElse(LocalDate.MAX)))
                .toList();
        record(city, by, AuditAction.VIEW_RESIDENT, members, "世帯の表示（世帯番号 " + number.value() + "）");
        return members.isEmpty() ? Optional.empty() : Optional.of(new Household(number, members));
    }

    @Override
    public Enrolments enrolments(LocalGovernmentCode city, AddresseeNumber number) {
        return registry.enrolments(city, number);
    }
}
