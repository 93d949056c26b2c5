package jp.madoguchi.application.service;

import java.time.Clock;
import java.util.Optional;

import jp.madoguchi.application.port.in.ConfirmIdentityUseCase;
import jp.madoguchi.application.port.in.ReceptionStepCommand;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.UnconfirmedCards;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.Rejection;

public final class ConfirmIdentityService implements ConfirmIdentityUseCase {

    private final ReceptionSteps steps;
    private final ResidentRegistry registry;
    private final UnconfirmedCards cards;
    private final Transactions transactions;
    private final Clock clock;
    private final EraTable eras;

    public ConfirmIdentityService(Receptions receptions, ResidentRegistry registry, UnconfirmedCards cards,
                                  Transactions transactions, Clock clock, EraTable eras) {
        this.eras = eras;
        this.transactions = transactions;
        this.steps = new ReceptionSteps(receptions);
        this.registry = registry;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public Reception confirm(ReceptionStepCommand step, AddresseeNumber resident, boolean anyResident) {
        Optional<CardFace> card = cards.find(step.city(), step.number());
        if (!anyResident && card.isEmpty()) {
            throw notACandidate();
        }
        Optional<Resident> named = registry.find(step.city(), resident);
        if (!anyResident && !named.map(r -> candidate(card.get(), r)).orElse(false)) {
            // the same words whether the number exists or not: without 住民検索 this must not become a way to probe
            throw notACandidate();
        }
        if (named.isEmpty()) {
            throw new Rejection("identity.resident-not-found", "入力された宛名番号の住民が見つかりません（番号を確かめてください）");
        }
        String how = card.isPresent() ? "カードと住民登録を職員が照合" : "職員が確認";
        return transactions.inTransaction(() -> {
            Reception reception = steps.apply(step, r -> r.identify(resident, step.operator(), clock.instant(), how));
            cards.discard(step.city(), step.number());
            return reception;
        });
    }

    /** Whether {@code resident} is among the candidates the reception page ranks for the card (the same score). */
    private boolean candidate(CardFace face, Resident resident) {
        SearchResidentsUseCase.FourItems items = new SearchResidentsUseCase.FourItems(face.name(), face.address(),
                IdentifyResidentByCardService.birthDate(face.birthDate(), eras).orElse(null), face.sex());
        return SearchResidentsService.score(items, resident).score() >= SearchResidentsService.MINIMUM_SCORE;
    }

    private static Rejection notACandidate() {
        return new Rejection("identity.not-a-candidate", "カードの照合候補から選んでください。候補にない方は、住民検索の権限のある職員が"
                + "本人確認書類を見て宛名番号で確認します。");
    }
}
