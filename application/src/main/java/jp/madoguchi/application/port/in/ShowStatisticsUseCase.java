package jp.madoguchi.application.port.in;

import java.time.LocalDate;
import java.util.Objects;

import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.statistics.StatisticsPeriod;

/** 統計: the supervisors' figures of any period, beside the period before and the same period a year earlier. */
public interface ShowStatisticsUseCase {

    StatisticsReport report(StatisticsQuery query);

    /** The same as a printable A4 PDF: 日報, 週報, 月報, 年報, or 統計報告 for a range. */
    RenderedDocument printable(StatisticsQuery query);

    /** Today in city hall time: the period a page opens with. */
    LocalDate today();

    /** @param byStaff whether the viewer's role may see the figures per member of staff */
    record StatisticsQuery(LocalGovernmentCode city, StatisticsPeriod period, boolean byStaff) {
        public StatisticsQuery {
            Objects.requireNonNull(city, "地方公共団体コードがありません");
            Objects.requireNonNull(period, "集計期間がありません");
        }
    }

    /** The period's statistics and the totals it is compared with. */
    record StatisticsReport(VisitStatistics current, VisitStatistics.Totals previous, StatisticsPeriod previousPeriod,
                            VisitStatistics.Totals sameLastYear, StatisticsPeriod lastYearPeriod) {
    }
}
