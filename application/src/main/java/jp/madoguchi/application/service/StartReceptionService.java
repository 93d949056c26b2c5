package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.application.port.in.StartReceptionUseCase;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.UnconfirmedCards;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.Rejection;

public final class StartReceptionService implements StartReceptionUseCase {

    private final Receptions receptions;
    private final ProcedureCatalogue catalogue;
    private final ResidentRegistry registry;
    private final UnconfirmedCards unconfirmedCards;
    private final Transactions transactions;
    private final Clock clock;

    public StartReceptionService(Receptions receptions, ProcedureCatalogue catalogue, ResidentRegistry registry,
                                 UnconfirmedCards unconfirmedCards, Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.receptions = receptions;
        this.catalogue = catalogue;
        this.registry = registry;
        this.unconfirmedCards = unconfirmedCards;
        this.clock = clock;
    }

    @Override
    public Reception start(StartReceptionCommand command) {
        List<Procedure> procedures = command.procedureCodes().stream()
                .map(code -> catalogue.find(code)
                        .orElseThrow(() -> new Rejection("reception.procedure-unknown", "手続「" + code + "」は登録されていません")))
                .toList();
        if (command.resident() != null && registry.find(command.city(), command.resident()).isEmpty()) {
            throw new Rejection("reception.resident-not-found", "指定された宛名番号の住民が見つかりません");
        }
        LocalDate today = LocalDate.now(clock);
        return transactions.inTransaction(() -> {
            ReceptionNumber number = receptions.nextNumber(command.city(), today);
            Reception reception = Reception.open(command.city(), number, command.channel(), command.resident(),
                    procedures, command.operator(), clock.instant());
            if (command.identifiedWith() != null) {
                // the counter sees which card the kiosk read: a licence has no 性別 and no 個人番号
                reception.record(command.operator(), clock.instant(), command.identifiedWith().label() + "（ICチップ）で本人確認"
                        + (command.resident() == null ? "（住民登録との照合は窓口で）" : ""));
            }
            receptions.add(reception);
            if (command.cardToConfirm() != null) {
                unconfirmedCards.hold(command.city(), number, command.cardToConfirm(), clock.instant());
            }
            return reception;
        });
    }
}
