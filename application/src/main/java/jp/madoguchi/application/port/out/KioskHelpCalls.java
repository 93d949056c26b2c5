package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.List;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 職員を呼ぶ: the kiosks whose citizen asked for a member of staff, until someone answers. */
public interface KioskHelpCalls {

    /** A call from the kiosk; pressing again while one is open keeps the first (the time waited counts from it). */
    void call(LocalGovernmentCode city, String terminalId, Instant at);

    /** The calls nobody has answered yet, oldest first. */
    List<OpenCall> open(LocalGovernmentCode city);

    /** @return false when that kiosk has no open call (someone else answered it first) */
    boolean answer(LocalGovernmentCode city, String terminalId, String staffId, Instant at);

    record OpenCall(String terminalId, Instant calledAt) {
    }
}
