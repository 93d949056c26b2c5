package jp.madoguchi.staff.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.PrepareStatisticsUseCase;
import jp.madoguchi.application.port.in.RunScheduledJobUseCase;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 統計の事前集計: shortly after start and then every {@code madoguchi.statistics.preparation-interval} (default 10
 * minutes) one server counts the closed days not counted yet (yesterday, after midnight) or changed since, so that
 * a supervisor's first page of a month or a 年度 does not wait for them.
 */
@Singleton
@Requires(notEnv = "cli")
@Requires(property = "madoguchi.statistics.preparation", notEquals = "false")
public class StatisticsPreparation {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsPreparation.class);

    private final PrepareStatisticsUseCase statistics;
    private final RunScheduledJobUseCase jobs;
    private final LocalGovernmentCode city;

    public StatisticsPreparation(PrepareStatisticsUseCase statistics, RunScheduledJobUseCase jobs, Installation installation) {
        this.statistics = statistics;
        this.jobs = jobs;
        this.city = installation.city();
    }

    @Scheduled(fixedDelay = "${madoguchi.statistics.preparation-interval:10m}", initialDelay = "1m")
    void prepare() {
        jobs.runAlone("statistics-preparation", () -> {
            try {
                int days = statistics.prepareRecentDays(city);
                if (days > 0) {
                    LOG.info("統計を集計しました: {} 日分", days);
                }
            } catch (RuntimeException e) {
                // the pages count what they need themselves; the next round tries again
                LOG.warn("統計の事前集計ができません: {}", e.getMessage());
            }
        });
    }
}
