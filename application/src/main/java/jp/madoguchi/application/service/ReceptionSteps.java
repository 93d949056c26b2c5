package jp.madoguchi.application.service;

import java.util.function.Consumer;

import jp.madoguchi.application.port.in.ReceptionStepCommand;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.shared.Rejection;

/** Loads a visit for a step, refusing when the clerk's copy is stale, and stores the result. */
final class ReceptionSteps {

    private final Receptions receptions;

    ReceptionSteps(Receptions receptions) {
        this.receptions = receptions;
    }

    Reception load(ReceptionStepCommand command) {
        Reception reception = receptions.find(command.city(), command.number())
                .orElseThrow(() -> new Rejection("reception.not-found", "受付番号 " + command.number() + " の受付はありません"));
        reception.requireServedBy(command.operator());
        if (reception.version() != command.expectedVersion()) {
            throw ConcurrentUpdateException.onReception(command.number());
        }
        return reception;
    }

    Reception apply(ReceptionStepCommand command, Consumer<Reception> step) {
        Reception reception = load(command);
        step.accept(reception);
        receptions.update(reception);
        return reception;
    }
}
