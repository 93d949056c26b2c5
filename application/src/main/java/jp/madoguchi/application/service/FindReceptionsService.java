package jp.madoguchi.application.service;

import jp.madoguchi.domain.shared.Rejection;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.Set;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.FindReceptionsUseCase;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.UnconfirmedCards;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

public final class FindReceptionsService implements FindReceptionsUseCase {

    /** Katakana, hiragana, the long vowel mark and spaces: a フリガナ to search by. */
    private static final Pattern KANA = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}ー\\s\u3000]+");

    private final Receptions receptions;
    private final ResidentRegistry registry;
    private final MoveIns moveIns;
    private final UnconfirmedCards unconfirmedCards;
    private final SearchResidentsUseCase search;
    private final EraTable eras;
    private final Clock clock;

    public FindReceptionsService(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
                                 UnconfirmedCards unconfirmedCards, SearchResidentsUseCase search, EraTable eras,
                                 Clock clock) {
        this.eras = eras;
        this.receptions = receptions;
        this.registry = registry;
        this.moveIns = moveIns;
        this.unconfirmedCards = unconfirmedCards;
        this.search = search;
        this.clock = clock;
    }

    @Override
    public List<ReceptionSummary> today(LocalGovernmentCode city) {
        return receptions.openedOn(city, LocalDate.now(clock)).stream()
                .sorted(Comparator.comparing(Reception::number).reversed())
                .map(r -> summary(city, r, true))
                .toList();
    }

    @Override
    public List<ReceptionSummary> search(LocalGovernmentCode city, ReceptionSearch search, Operator by, boolean withNames) {
        Set<String> residents = null;
        if (search.name() != null) {
            if (!withNames) {
                throw new Rejection("reception.search-name", "氏名での照会は窓口の職員だけができます。");
            }
            residents = named(city, search.name(), by);
        }
        return receptions.search(city, new Receptions.Criteria(search.from(), search.to(), search.state(),
                        search.procedureCode(), search.departmentCode(), search.callNumber(), residents), SEARCH_LIMIT)
                .stream().map(r -> summary(city, r, withNames)).toList();
    }

    /** The 宛名番号 of the residents of that name: フリガナ from its beginning, a name in kanji as registered. */
    private Set<String> named(LocalGovernmentCode city, String name, Operator by) {
        List<Resident> found = KANA.matcher(name).matches()
                ? search.byKana(city, name, SearchResidentsUseCase.KanaMatch.PREFIX, by)
                : search.byFourItems(city, new SearchResidentsUseCase.FourItems(name, null, null, null), by).stream()
                        .map(IdentifyResidentByCardUseCase.ResidentCandidate::resident).toList();
        return found.stream().map(r -> r.addresseeNumber().value()).collect(Collectors.toSet());
    }

    private ReceptionSummary summary(LocalGovernmentCode city, Reception r, boolean withName) {
        String name = !withName ? "—"
                : r.resident().flatMap(n -> registry.find(city, n)).map(Resident::nameForDisplay).orElse("（未確認）");
        return new ReceptionSummary(r.number(), r.openedAt(), r.channel(), r.procedures().stream().map(Procedure::name).toList(),
                r.state(), r.department().name(), r.department().code(), name, calling(r));
    }

    /** 「呼出中（市民課 1番窓口）」 while a called visit waits, 「不在」 after no one came; blank otherwise. */
    private static String calling(Reception r) {
        jp.madoguchi.domain.reception.Calling.Call last = r.calling().last();
        if (last == null || !r.isWaiting()) {
            return "";
        }
        return last.absent() ? "不在（" + last.counterName() + "）" : "呼出中（" + last.counterName() + "）";
    }

    @Override
    public Optional<jp.madoguchi.domain.procedure.Department> departmentOf(LocalGovernmentCode city, ReceptionNumber number) {
        return receptions.find(city, number).map(Reception::department);
    }

    @Override
    public Optional<ReceptionDetails> details(LocalGovernmentCode city, ReceptionNumber number, Operator by) {
        return receptions.find(city, number).map(r -> {
            r.requireServedBy(by);
            Optional<CardFace> card = r.resident().isPresent() ? Optional.empty() : unconfirmedCards.find(city, number);
            List<IdentifyResidentByCardUseCase.ResidentCandidate> candidates = card
                    .map(face -> search.byFourItems(city, new SearchResidentsUseCase.FourItems(face.name(), face.address(),
                            IdentifyResidentByCardService.birthDate(face.birthDate(), eras).orElse(null), face.sex()), by))
                    .orElse(List.of());
            return new ReceptionDetails(r, r.resident().flatMap(n -> search.byAddresseeNumber(city, n, by)), moveIns.find(city, number),
                    card, candidates);
        });
    }
}
