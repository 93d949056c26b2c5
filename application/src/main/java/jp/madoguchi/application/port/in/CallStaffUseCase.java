package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.List;

import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 職員を呼ぶ: a citizen at a kiosk who needs help presses one button; the reception list of every member of staff
 * shows which kiosk calls and since when, until one of them answers.
 */
public interface CallStaffUseCase {

    /** @param kiosk the kiosk the citizen stands at */
    void call(LocalGovernmentCode city, Operator kiosk);

    List<HelpCall> waiting(LocalGovernmentCode city);

    /** @return false when the call was answered already (by someone else) */
    boolean answer(LocalGovernmentCode city, String terminalId, Operator staff);

    /** @param place the kiosk's place as registered (本庁1階 記載台1), or its id when it has none */
    record HelpCall(String terminalId, String place, Instant calledAt) {
    }
}
