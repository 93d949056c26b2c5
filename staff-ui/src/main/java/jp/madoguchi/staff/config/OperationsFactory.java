package jp.madoguchi.staff.config;

import java.time.Clock;
import java.time.Duration;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.postgres.JdbiOperationalState;
import jp.madoguchi.application.port.in.ReportOperationsUseCase;
import jp.madoguchi.application.port.out.BackupHistory;
import jp.madoguchi.application.service.ReportOperationsService;
import org.jdbi.v3.core.Jdbi;

/** 稼働状況: the checks behind readiness and the figures behind the metrics. */
@Factory
public class OperationsFactory {

    /** Scheduled rounds under advisory locks: with two servers on one database each round runs on one of them. */
    @Singleton
    jp.madoguchi.application.port.in.RunScheduledJobUseCase scheduledJobs(jp.madoguchi.adapters.postgres.ManagedDatabase database) {
        return new jp.madoguchi.application.service.ScheduledJobsService(
                new jp.madoguchi.adapters.postgres.AdvisoryJobLocks(database.dataSource()));
    }

    /** Errors to the city's contact ({@code madoguchi.alerts.webhook-url}), the same one at most once in the quiet period. */
    @Singleton
    jp.madoguchi.application.port.in.RaiseAlertUseCase alerts(Jdbi jdbi, MadoguchiSettings settings, Clock clock,
                                                              @Property(name = "madoguchi.alerts.webhook-url", defaultValue = "") String webhook,
                                                              @Property(name = "madoguchi.alerts.quiet-period", defaultValue = "10m") Duration quiet) {
        return new jp.madoguchi.application.service.AlertsService(new jp.madoguchi.adapters.postgres.JdbiAlertLog(jdbi),
                new jp.madoguchi.adapters.export.alert.WebhookAlertChannel(webhook, settings.cityName()), quiet, clock);
    }

    @Singleton
    ReportOperationsUseCase reportOperations(Jdbi jdbi, jp.madoguchi.adapters.postgres.ManagedDatabase database, BackupHistory backups, MadoguchiSettings settings, Clock clock,
                                             @Property(name = "madoguchi.backup.enabled", defaultValue = "false") boolean backupsEnabled,
                                             @Property(name = "madoguchi.operations.minimum-free-disk", defaultValue = "1073741824") long minimumFree,
                                             @Property(name = "madoguchi.operations.import-age", defaultValue = "26h") Duration importAge,
                                             @Property(name = "madoguchi.operations.checkpoint-age", defaultValue = "2h") Duration checkpointAge,
                                             @Property(name = "madoguchi.operations.backup-age", defaultValue = "26h") Duration backupAge) {
        return new ReportOperationsService(new JdbiOperationalState(jdbi, database.dataSource()), backups, backupsEnabled, settings.installation(),
                settings.dataDir(), minimumFree, new ReportOperationsService.Limits(importAge, checkpointAge, backupAge), clock);
    }
}
