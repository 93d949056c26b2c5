package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;

import jp.madoguchi.application.port.in.DailyStatistics;
import jp.madoguchi.application.port.in.ShowDailyStatisticsUseCase;
import jp.madoguchi.application.port.out.DailyStatisticsQuery;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

public final class ShowDailyStatisticsService implements ShowDailyStatisticsUseCase {

    private final DailyStatisticsQuery query;
    private final Clock clock;

    public ShowDailyStatisticsService(DailyStatisticsQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    @Override
    public DailyStatistics today(LocalGovernmentCode city) {
        return query.forDay(city, LocalDate.now(clock));
    }

    @Override
    public DailyStatistics forDay(LocalGovernmentCode city, LocalDate day) {
        return query.forDay(city, day);
    }
}
