package jp.madoguchi.application.port.in;

import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * A step on a visit by a clerk who read it at {@code expectedVersion}; if someone changed it since, the step
 * is refused instead of overwriting their change.
 */
public record ReceptionStepCommand(LocalGovernmentCode city, ReceptionNumber number, long expectedVersion,
                                   Operator operator) {

    public ReceptionStepCommand {
        if (city == null || number == null || operator == null) {
            throw new Rejection("reception.step-incomplete", "市区町村・受付番号・操作者が必要です");
        }
    }
}
