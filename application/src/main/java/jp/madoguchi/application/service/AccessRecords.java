package jp.madoguchi.application.service;

import java.time.Clock;
import java.util.List;

import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.audit.AuditEntry;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * Writes the access-history entry of a use case that shows, prints, exports or imports resident data, with the
 * terminal the operator acts from (a kiosk or a batch job is its own; staff the one they logged in from).
 */
final class AccessRecords {

    private final AuditTrail trail;
    private final Clock clock;

    AccessRecords(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    void record(LocalGovernmentCode city, Operator by, AuditAction action, List<String> residents, String purpose,
                String detail) {
        trail.append(new AuditEntry(clock.instant(), city, by, by.terminal(), action, residents, purpose, detail));
    }

    /** An access made for a reception: the reception is the purpose, its resident (if known) the one accessed. */
    void record(Reception reception, Operator by, AuditAction action, String detail) {
        record(reception.city(), by, action, reception.resident().map(n -> List.of(n.value())).orElse(List.of()),
                "受付 " + reception.number().value(), detail);
    }
}
