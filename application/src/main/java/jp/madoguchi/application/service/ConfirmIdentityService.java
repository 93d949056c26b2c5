package jp.madoguchi.application.service;

import java.time.Clock;

import jp.madoguchi.application.port.in.ConfirmIdentityUseCase;
import jp.madoguchi.application.port.in.ReceptionStepCommand;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.UnconfirmedCards;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.Rejection;

public final class ConfirmIdentityService implements ConfirmIdentityUseCase {

    private final ReceptionSteps steps;
    private final ResidentRegistry registry;
    private final UnconfirmedCards cards;
    private final Transactions transactions;
    private final Clock clock;

    public ConfirmIdentityService(Receptions receptions, ResidentRegistry registry, UnconfirmedCards cards,
                                  Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.steps = new ReceptionSteps(receptions);
        this.registry = registry;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public Reception confirm(ReceptionStepCommand step, AddresseeNumber resident) {
        if (registry.find(step.city(), resident).isEmpty()) {
            throw new Rejection("identity.resident-not-found", "入力された宛名番号の住民が見つかりません（番号を確かめてください）");
        }
        String how = cards.find(step.city(), step.number()).isPresent() ? "カードと住民登録を職員が照合" : "職員が確認";
        return transactions.inTransaction(() -> {
            Reception reception = steps.apply(step, r -> r.identify(resident, step.operator(), clock.instant(), how));
            cards.discard(step.city(), step.number());
            return reception;
        });
    }
}
