package jp.madoguchi.domain.reception;

import java.time.Instant;
import java.util.Objects;

import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.shared.Rejection;

/**
 * One line of a reception's timeline: when, who, the state after the step, the department in charge after it (for
 * a 回付, the one the visit was sent to), and what was done in words (「受付票を発行」「申請書PDFを表示」).
 * The department is {@code null} in entries recorded before version 27 kept it.
 *
 * @param counterCode for a 呼出, 再呼出 or 不在, the counter (窓口) of the call; {@code null} for every other step
 * @param counterName that counter as the display said it (「市民課 1番窓口」)
 */
public record TimelineEntry(Instant at, ReceptionState state, String operatorId, String operatorName, String description,
                            Department department, String counterCode, String counterName) {

    public TimelineEntry {
        Objects.requireNonNull(at, "時刻");
        Objects.requireNonNull(state, "状態");
        if (operatorId == null || operatorId.isBlank()) {
            throw new Rejection("reception.timeline-entry", "操作者がありません");
        }
        if (description == null || description.isBlank()) {
            throw new Rejection("reception.timeline-entry", "内容がありません");
        }
        if ((counterCode == null) != (counterName == null)) {
            throw new Rejection("reception.timeline-entry", "窓口のコードと名前は揃えて記録します");
        }
    }

    /** A step that is not a call. */
    public TimelineEntry(Instant at, ReceptionState state, String operatorId, String operatorName, String description,
                         Department department) {
        this(at, state, operatorId, operatorName, description, department, null, null);
    }
}
