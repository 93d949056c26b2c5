package jp.madoguchi.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * アクセス記録: who did what to whose data, when, from which terminal and for what purpose. It names residents by
 * 宛名番号 only — never a 個人番号 — so the trail itself is no second copy of the registry.
 *
 * @param residents the 宛名番号 concerned, possibly none (a login)
 * @param purpose   the procedure or reception the access served, or a reason; empty when there is none
 */
public record AuditEntry(Instant at, LocalGovernmentCode city, Operator actor, String terminal, AuditAction action,
                         List<String> residents, String purpose, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "日時がありません");
        Objects.requireNonNull(city, "地方公共団体コードがありません");
        Objects.requireNonNull(actor, "操作者がありません");
        Objects.requireNonNull(action, "操作がありません");
        terminal = terminal == null ? "" : terminal;
        residents = List.copyOf(residents == null ? List.of() : residents);
        purpose = purpose == null ? "" : purpose;
        detail = detail == null ? "" : detail;
    }
}
