package jp.madoguchi.staff.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.BackUpDatabaseUseCase;
import jp.madoguchi.application.port.in.RunScheduledJobUseCase;
import jp.madoguchi.application.port.out.BackupHistory.BackupRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checked backup every night ({@code madoguchi.backup.cron}, default 01:15) and the WAL shipped every
 * {@code madoguchi.backup.ship-interval} (30 s), so a lost disk costs at most the WAL timeout plus that interval.
 */
@Singleton
@Requires(notEnv = "cli")
@Requires(property = "madoguchi.backup.enabled", value = "true")
public class BackupSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);

    private final BackUpDatabaseUseCase backups;
    private final RunScheduledJobUseCase jobs;

    public BackupSchedule(BackUpDatabaseUseCase backups, RunScheduledJobUseCase jobs) {
        this.backups = backups;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${madoguchi.backup.ship-interval:30s}", initialDelay = "${madoguchi.backup.ship-interval:30s}")
    void shipWal() {
        jobs.runAlone("backup-wal", this::shipNow);
    }

    private void shipNow() {
        try {
            int shipped = backups.shipWal(false);
            if (shipped > 0) {
                LOG.debug("WAL {} 件をバックアップ先に送りました", shipped);
            }
        } catch (RuntimeException e) {
            // the segments stay in the spool and go with the next round
            LOG.error("WAL をバックアップ先に送れません: {}", e.getMessage());
        }
    }

    @Scheduled(cron = "${madoguchi.backup.cron:0 15 1 * * ?}")
    void nightly() {
        jobs.runAlone("backup", this::backUpNow);
    }

    private void backUpNow() {
        try {
            BackupRun run = backups.backUp();
            if (run.verified()) {
                LOG.info("バックアップ {} を取得し検証しました（{} バイト）", run.id(), run.bytes());
            } else {
                LOG.error("バックアップ {} の検証で問題が見つかりました: {}", run.id(), run.summary());
            }
        } catch (RuntimeException e) {
            LOG.error("バックアップに失敗しました: {}", e.getMessage());
        }
    }
}
