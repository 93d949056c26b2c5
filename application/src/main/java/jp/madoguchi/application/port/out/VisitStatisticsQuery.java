package jp.madoguchi.application.port.out;

import java.time.LocalDate;

import jp.madoguchi.application.port.in.VisitStatistics;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.statistics.StatisticsPeriod;

/** Read model over the visits and their timelines for the supervisors' statistics (counts and times, no residents). */
public interface VisitStatisticsQuery {

    /** Every angle of the period; the rows per member of staff only when {@code byStaff}. */
    VisitStatistics of(LocalGovernmentCode city, StatisticsPeriod period, boolean byStaff);

    /** The period's totals alone, for comparisons. */
    VisitStatistics.Totals totals(LocalGovernmentCode city, StatisticsPeriod period);

    /**
     * Counts ahead what the closed days from {@code from} to {@code to} need, so that a page asking for them later
     * does not wait for it; returns how many days were counted (0 when the figures are read straight).
     */
    int prepare(LocalGovernmentCode city, LocalDate from, LocalDate to);
}
