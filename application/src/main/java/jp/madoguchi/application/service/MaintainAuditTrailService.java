package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.MaintainAuditTrailUseCase;
import jp.madoguchi.application.port.out.AuditCheckpoint;
import jp.madoguchi.application.port.out.AuditPruning;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.audit.AuditEntry;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

public final class MaintainAuditTrailService implements MaintainAuditTrailUseCase {

    private static final Operator RETENTION_JOB = Operator.system("audit-retention");

    private final AuditTrail trail;
    private final Period retention;
    private final LocalGovernmentCode city;
    private final Clock clock;

    public MaintainAuditTrailService(AuditTrail trail, Period retention, LocalGovernmentCode city, Clock clock) {
        if (retention.toTotalMonths() < MINIMUM_RETENTION.toTotalMonths()) {
            throw new Rejection("audit.retention-too-short", "アクセス記録の保存期間（" + retention + "）は1年以上にしてください");
        }
        this.trail = trail;
        this.retention = retention;
        this.city = city;
        this.clock = clock;
    }

    @Override
    public Optional<AuditCheckpoint> checkpoint() {
        return trail.checkpoint(clock.instant());
    }

    @Override
    public AuditPruning prune() {
        Instant cutoff = clock.instant().atZone(clock.getZone()).minus(retention).toInstant();
        AuditPruning pruning = trail.prune(cutoff);
        if (pruning.removed() > 0) {
            trail.append(new AuditEntry(clock.instant(), city, RETENTION_JOB, "", AuditAction.ADMINISTRATION, List.of(),
                    "保存期間 " + retention, "保存期間を過ぎたアクセス記録 " + pruning.removed() + " 件を削除（第"
                    + pruning.throughSeq() + "番のチェックポイントまで）"));
        }
        return pruning;
    }

    @Override
    public Period retention() {
        return retention;
    }
}
