package jp.madoguchi.application.service;

import java.time.Clock;

import jp.madoguchi.application.port.in.AdvanceReceptionUseCase;
import jp.madoguchi.application.port.in.ReceptionStepCommand;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.shared.Rejection;

public final class AdvanceReceptionService implements AdvanceReceptionUseCase {

    private final ReceptionSteps steps;
    private final ProcedureCatalogue catalogue;
    private final Clock clock;

    public AdvanceReceptionService(Receptions receptions, ProcedureCatalogue catalogue, Clock clock) {
        this.steps = new ReceptionSteps(receptions);
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public Reception startHearing(ReceptionStepCommand command) {
        return steps.apply(command, r -> r.startHearing(command.operator(), clock.instant()));
    }

    @Override
    public Reception confirm(ReceptionStepCommand command) {
        return steps.apply(command, r -> r.confirm(command.operator(), clock.instant()));
    }

    @Override
    public Reception refer(ReceptionStepCommand command, String departmentCode, String reason) {
        Department department = catalogue.all().stream().map(Procedure::department)
                .filter(d -> d.code().equals(departmentCode)).findFirst()
                .orElseThrow(() -> new Rejection("reception.referral-department-unknown", "回付先の課「" + departmentCode + "」はありません"));
        return steps.apply(command, r -> r.referTo(department, command.operator(), clock.instant(), reason));
    }
}
