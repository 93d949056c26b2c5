package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.LocalDate;

import jp.madoguchi.application.port.in.PrepareStatisticsUseCase;
import jp.madoguchi.application.port.in.ShowStatisticsUseCase;
import jp.madoguchi.application.port.in.WriteDailyReportUseCase;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.application.port.out.ReportFolder;
import jp.madoguchi.application.port.out.StatisticsReportRenderer;
import jp.madoguchi.application.port.out.VisitStatisticsQuery;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.statistics.StatisticsPeriod;

/**
 * The period asked for, the one before and the same one a year earlier, from the statistics read model; on screen,
 * as a printed report, and as the 日報 written to the city's folder after closing time (never with rows per member
 * of staff: the folder is read by more people than the page).
 */
public final class ShowStatisticsService implements ShowStatisticsUseCase, WriteDailyReportUseCase,
        PrepareStatisticsUseCase {

    private final VisitStatisticsQuery query;
    private final StatisticsReportRenderer renderer;
    private final ReportFolder folder;
    private final String municipality;
    private final Clock clock;

    /** @param folder where 日報 go; {@code null} when the city set none */
    public ShowStatisticsService(VisitStatisticsQuery query, StatisticsReportRenderer renderer, ReportFolder folder,
                                 String municipality, Clock clock) {
        this.query = query;
        this.renderer = renderer;
        this.folder = folder;
        this.municipality = municipality;
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
    public RenderedDocument printable(StatisticsQuery q) {
        return renderer.render(StatisticsDocuments.of(report(q), municipality, clock.instant(), clock.getZone()));
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public String writeDailyReport(LocalGovernmentCode city, LocalDate day) {
        if (folder == null) {
            throw new IllegalStateException("日報の出力先が設定されていません（madoguchi.statistics.report-folder）");
        }
        RenderedDocument report = printable(new StatisticsQuery(city, StatisticsPeriod.day(day), false));
        return folder.write(report.fileName(), report.content());
    }

    @Override
    public String writeTodaysReport(LocalGovernmentCode city) {
        return writeDailyReport(city, today());
    }

    /** From the start of last 年度, which this 年度's pages compare with, to today. */
    @Override
    public int prepareRecentDays(LocalGovernmentCode city) {
        LocalDate today = today();
        return query.prepare(city, StatisticsPeriod.fiscalYear(today.minusYears(1)).from(), today);
    }
}
