package jp.madoguchi.application.port.in;

import jp.madoguchi.domain.reception.Reception;

/** 聞き取り・確認・回付: the steps of a visit at the counter before printing. */
public interface AdvanceReceptionUseCase {

    Reception startHearing(ReceptionStepCommand command);

    Reception confirm(ReceptionStepCommand command);

    Reception refer(ReceptionStepCommand command, String departmentCode, String reason);
}
