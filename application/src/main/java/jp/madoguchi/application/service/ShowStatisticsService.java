package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;

import jp.madoguchi.application.port.in.ShowStatisticsUseCase;
import jp.madoguchi.application.port.out.VisitStatisticsQuery;
import jp.madoguchi.domain.statistics.StatisticsPeriod;

/** The period asked for, the one before and the same one a year earlier, from the statistics read model. */
public final class ShowStatisticsService implements ShowStatisticsUseCase {

    private final VisitStatisticsQuery query;
    private final Clock clock;

    public ShowStatisticsService(VisitStatisticsQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    @Override
    public StatisticsReport report(StatisticsQuery q) {
        StatisticsPeriod previous = q.period().previous();
        StatisticsPeriod lastYear = q.period().sameLastYear();
        return new StatisticsReport(query.of(q.city(), q.period(), q.byStaff()), query.totals(q.city(), previous), previous,
                query.totals(q.city(), lastYear), lastYear);
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
