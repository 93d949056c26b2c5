package jp.madoguchi.application.service;

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
                .map(r -> new ReceptionSummary(r.number(), r.openedAt(), r.channel(),
                        r.procedures().stream().map(Procedure::name).toList(), r.state(), r.department().name(),
                        r.department().code(),
                        r.resident().flatMap(n -> registry.find(city, n)).map(Resident::nameForDisplay).orElse("（未確認）")))
                .toList();
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
