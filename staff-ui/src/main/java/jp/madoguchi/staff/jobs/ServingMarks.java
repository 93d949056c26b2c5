package jp.madoguchi.staff.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.ShowOperationReportUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks every minute this server serves in, twice a minute so none is missed: the 稼働報告's availability counts the
 * opening minutes that have a mark. Every server marks (a minute served by either counts once).
 */
@Singleton
@Requires(notEnv = "cli")
public class ServingMarks {

    private static final Logger LOG = LoggerFactory.getLogger(ServingMarks.class);

    private final ShowOperationReportUseCase reports;

    public ServingMarks(ShowOperationReportUseCase reports) {
        this.reports = reports;
    }

    @Scheduled(fixedRate = "30s", initialDelay = "5s")
    void mark() {
        try {
            reports.markServing();
        } catch (RuntimeException e) {
            // the database is away: this minute is not served, which is what the report should say
            LOG.debug("稼働の記録を書けません: {}", e.getMessage());
        }
    }
}
