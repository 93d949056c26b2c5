package jp.madoguchi.application.service;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jp.madoguchi.application.port.in.ReadAuditTrailUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.AuditTrailQuery;
import jp.madoguchi.application.port.out.AuditTrailQuery.AuditSearch;
import jp.madoguchi.application.port.out.AuditTrailQuery.RecordedAuditEntry;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.audit.AuditEntry;

public final class ReadAuditTrailService implements ReadAuditTrailUseCase {

    private final AuditTrailQuery query;
    private final AuditTrail trail;
    private final Clock clock;

    public ReadAuditTrailService(AuditTrailQuery query, AuditTrail trail, Clock clock) {
        this.query = query;
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public List<RecordedAuditEntry> search(AuditSearchCommand command) {
        List<RecordedAuditEntry> found = query.search(criteria(command), PAGE);
        record(command, found.size(), AuditAction.READ_AUDIT_TRAIL, "アクセス記録の検索（" + describe(command, found.size()) + "、" + found.size() + "件）");
        return found;
    }

    @Override
    public long export(AuditSearchCommand command, OutputStream out) throws IOException {
        long written = query.exportCsv(criteria(command), out);
        record(command, written, AuditAction.EXPORT, "アクセス記録のCSV出力（" + describe(command, written) + "、" + written + "件）");
        return written;
    }

    private AuditSearch criteria(AuditSearchCommand c) {
        Instant from = c.from() == null ? null : c.from().atStartOfDay(clock.getZone()).toInstant();
        Instant to = c.to() == null ? null : c.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return new AuditSearch(c.city(), c.actor(), c.resident(), from, to, c.action());
    }

    /**
     * The 宛名番号 searched for is recorded only when the history knows it (some entries matched): what was typed
     * might be anything, a 個人番号 included, and that must not enter the history.
     */
    private void record(AuditSearchCommand c, long matched, AuditAction action, String detail) {
        trail.append(new AuditEntry(clock.instant(), c.city(), c.by(), c.by().terminal(), action,
                c.resident().isEmpty() || matched == 0 ? List.of() : List.of(c.resident()), "監査", detail));
    }

    private static String describe(AuditSearchCommand c, long matched) {
        StringBuilder text = new StringBuilder();
        if (!c.actor().isEmpty()) {
            text.append("操作者 ").append(c.actor()).append(' ');
        }
        if (!c.resident().isEmpty()) {
            text.append("宛名番号 ").append(matched == 0 ? "（該当なし）" : c.resident()).append(' ');
        }
        text.append("期間 ").append(c.from() == null ? "最初" : c.from()).append("〜").append(c.to() == null ? "今日" : c.to());
        if (c.action() != null) {
            text.append(" 操作 ").append(c.action().label());
        }
        return text.toString();
    }
}
