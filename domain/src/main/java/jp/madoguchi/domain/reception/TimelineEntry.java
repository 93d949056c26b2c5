package jp.madoguchi.domain.reception;

import java.time.Instant;
import java.util.Objects;

import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.shared.Rejection;

/**
 * One line of a reception's timeline: when, who, the state after the step, the department in charge after it (for
 * a 回付, the one the visit was sent to), and what was done in words (「受付票を発行」「申請書PDFを表示」).
 * The department is {@code null} in entries recorded before version 27 kept it.
 */
public record TimelineEntry(Instant at, ReceptionState state, String operatorId, String operatorName, String description,
                            Department department) {

    public TimelineEntry {
        Objects.requireNonNull(at, "時刻");
        Objects.requireNonNull(state, "状態");
        if (operatorId == null || operatorId.isBlank()) {
            throw new Rejection("reception.timeline-entry", "操作者がありません");
        }
        if (description == null || description.isBlank()) {
            throw new Rejection("reception.timeline-entry", "内容がありません");
        }
    }
}
