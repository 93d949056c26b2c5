package jp.madoguchi.application.port.in;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.application.port.out.AuditTrailQuery.RecordedAuditEntry;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * アクセス記録の閲覧と出力, for the city's auditor. Reading the history is itself recorded: who looked for whom is
 * as much an access to personal data as the access being looked at.
 */
public interface ReadAuditTrailUseCase {

    /** The newest matching entries, at most {@link #PAGE}. */
    List<RecordedAuditEntry> search(AuditSearchCommand command);

    /** Every matching entry as CSV; returns how many. */
    long export(AuditSearchCommand command, OutputStream out) throws IOException;

    int PAGE = 200;

    /**
     * @param from first day (inclusive), or {@code null} for the beginning
     * @param to   last day (inclusive), or {@code null} for today
     */
    record AuditSearchCommand(LocalGovernmentCode city, String actor, String resident, LocalDate from, LocalDate to,
                              AuditAction action, Operator by) {
        public AuditSearchCommand {
            actor = actor == null ? "" : actor.strip();
            resident = resident == null ? "" : resident.strip();
            if (!resident.isEmpty() && !resident.matches("\\d{1,15}")) {
                throw new Rejection("audit.addressee-number-format", "宛名番号は数字で入力してください");
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new Rejection("audit.period-reversed", "期間の始まりが終わりより後になっています");
            }
        }
    }
}
