package jp.madoguchi.staff.jobs;

import jp.madoguchi.domain.shared.Operator;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.FileResult;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.ImportSummary;
import jp.madoguchi.application.port.in.PurgeExpiredRecordsUseCase;
import jp.madoguchi.application.port.in.PurgeLinkageArchivesUseCase;
import jp.madoguchi.application.port.in.RunScheduledJobUseCase;
import jp.madoguchi.application.port.out.ReplicaRetention.PurgeReport;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled side of the linkage: polls the drop folder and the bucket every
 * {@code madoguchi.linkage.poll-interval} (default 5 minutes, within the 10 minutes the 住民記録 standard allows
 * for differences), and every night purges 除票 data past its retention and archived linkage files past theirs.
 */
@Singleton
@Requires(property = "madoguchi.linkage.polling", notEquals = "false")
@Requires(notEnv = "cli")
public class LinkagePolling {

    private static final Logger LOG = LoggerFactory.getLogger(LinkagePolling.class);

    private final ImportLinkageFilesUseCase importer;
    private final PurgeExpiredRecordsUseCase purge;
    private final PurgeLinkageArchivesUseCase archives;
    private final LocalGovernmentCode city;
    private final RunScheduledJobUseCase jobs;

    public LinkagePolling(ImportLinkageFilesUseCase importer, PurgeExpiredRecordsUseCase purge,
                          PurgeLinkageArchivesUseCase archives, Installation installation, RunScheduledJobUseCase jobs) {
        this.jobs = jobs;
        this.importer = importer;
        this.purge = purge;
        this.archives = archives;
        this.city = installation.city();
    }

    @Scheduled(fixedDelay = "${madoguchi.linkage.poll-interval:5m}", initialDelay = "${madoguchi.linkage.poll-initial-delay:1m}")
    void poll() {
        jobs.runAlone("linkage-poll", this::pollNow);
    }

    private void pollNow() {
        try {
            ImportSummary summary = importer.importConfigured(city, ImportLinkageFilesUseCase.ImportProgress.NONE,
                    Operator.system("linkage-polling"));
            for (FileResult result : summary.files()) {
                if (result.refused()) {
                    LOG.warn("前方連携: {}", result.message());
                } else {
                    LOG.info("前方連携: {}", result.message());
                }
            }
        } catch (RuntimeException e) {
            // the next round tries again; the files stay where they are
            LOG.error("前方連携の取込に失敗しました（次回に再試行します）: {}", e.getMessage());
        }
    }

    @Scheduled(cron = "${madoguchi.linkage.purge-cron:0 30 2 * * ?}")
    void purgeExpired() {
        jobs.runAlone("linkage-purge", this::purgeNow);
    }

    private void purgeNow() {
        PurgeReport report = purge.purge(city);
        LOG.info("保存期間（基準日 {} より前）を過ぎた除票を削除しました: {}", report.cutoff(), report.details());
        PurgeLinkageArchivesUseCase.ArchivePurge archived = archives.purge();
        LOG.info("保管期間を過ぎた連携ファイル（{} より前に保管）を {} 件削除しました", archived.before(), archived.removed());
        archived.failures().forEach(f -> LOG.warn("連携ファイルの保管を整理できませんでした（次回に再試行します）: {}", f));
    }
}
