package jp.madoguchi.staff.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.RunScheduledJobUseCase;
import jp.madoguchi.application.port.in.WriteDailyReportUseCase;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 日報の自動出力: after closing time ({@code madoguchi.statistics.daily-report-cron}, default 18:30 every day) the
 * day's report goes to the reports folder ({@code madoguchi.statistics.report-folder}); one server writes it.
 */
@Singleton
@Requires(notEnv = "cli")
@Requires(property = "madoguchi.statistics.daily-report", notEquals = "false")
public class DailyReportSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DailyReportSchedule.class);

    private final WriteDailyReportUseCase reports;
    private final RunScheduledJobUseCase jobs;
    private final LocalGovernmentCode city;

    public DailyReportSchedule(WriteDailyReportUseCase reports, RunScheduledJobUseCase jobs, Installation installation) {
        this.reports = reports;
        this.jobs = jobs;
        this.city = installation.city();
    }

    @Scheduled(cron = "${madoguchi.statistics.daily-report-cron:0 30 18 * * ?}")
    void afterClosing() {
        jobs.runAlone("daily-report", () -> {
            try {
                LOG.info("日報を出力しました: {}", reports.writeTodaysReport(city));
            } catch (RuntimeException e) {
                // an error: alerted like any other, and the page can still print it by hand
                LOG.error("日報を出力できません: {}", e.getMessage());
            }
        });
    }
}
