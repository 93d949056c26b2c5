package jp.madoguchi.staff.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.MaintainAuditTrailUseCase;
import jp.madoguchi.application.port.in.RunScheduledJobUseCase;
import jp.madoguchi.application.port.out.AuditPruning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the access history's chain head every {@code madoguchi.audit.checkpoint-interval} (default 1 hour) and
 * removes, every night, the entries past the retention period that a checkpoint covers.
 */
@Singleton
@Requires(notEnv = "cli")
public class AuditTrailMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailMaintenance.class);

    private final MaintainAuditTrailUseCase maintenance;
    private final RunScheduledJobUseCase jobs;

    public AuditTrailMaintenance(MaintainAuditTrailUseCase maintenance, RunScheduledJobUseCase jobs) {
        this.maintenance = maintenance;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${madoguchi.audit.checkpoint-interval:1h}", initialDelay = "${madoguchi.audit.checkpoint-interval:1h}")
    void checkpoint() {
        jobs.runAlone("audit-checkpoint", this::checkpointNow);
    }

    private void checkpointNow() {
        try {
            maintenance.checkpoint().ifPresent(c -> LOG.info("アクセス記録のチェックポイントを作成しました（第{}番まで）", c.seq()));
        } catch (RuntimeException e) {
            // a broken chain must be looked at by a person; the next round tries again
            LOG.error("アクセス記録のチェックポイントを作成できません: {}", e.getMessage());
        }
    }

    @Scheduled(cron = "${madoguchi.audit.prune-cron:0 45 2 * * ?}")
    void prune() {
        jobs.runAlone("audit-prune", this::pruneNow);
    }

    private void pruneNow() {
        AuditPruning pruning = maintenance.prune();
        LOG.info("保存期間（{}）を過ぎたアクセス記録 {} 件を削除しました", maintenance.retention(), pruning.removed());
    }
}
