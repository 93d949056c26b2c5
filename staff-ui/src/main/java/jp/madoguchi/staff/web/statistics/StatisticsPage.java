package jp.madoguchi.staff.web.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import io.micronaut.core.annotation.Introspected;
import jp.madoguchi.application.port.in.ShowStatisticsUseCase.StatisticsReport;
import jp.madoguchi.application.port.in.VisitStatistics;
import jp.madoguchi.domain.statistics.StatisticsPeriod;

/**
 * The page {@code staff/statistics}: the period's figures beside the period before and last year's, the charts with
 * their tables, the rows per procedure, department, channel, life event (and member of staff when allowed), and
 * 回付 per pair of departments.
 * Numbers are formatted here; a time nobody reached yet is 「—」.
 */
@Introspected
public record StatisticsPage(String staffName, String error, String periodLabel, String kind, String day, String from,
                             String to, List<Choice> kinds, String query, String previousQuery, String nextQuery,
                             String previousLabel, String lastYearLabel, List<Figure> figures, List<RowView> perProcedure,
                             List<RowView> perDepartment, List<RowView> perCounter, List<RowView> perChannel, List<RowView> perLifeEvent,
                             boolean byStaff, List<RowView> perStaff, String procedureChart, String dayChart,
                             List<DayView> perDay, String heatMap, List<Integer> hours, List<HeatRow> heatRows,
                             String waitingChart, List<DayView> waiting, List<VisitStatistics.Referral> referrals) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d（E）", Locale.JAPANESE);
    static final List<String> WEEKDAYS = List.of("月", "火", "水", "木", "金", "土", "日");
    /** Opening hours shown on the heat map even when empty; hours with visits outside them are added. */
    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 18;

    public record Choice(String value, String label, boolean selected) {
    }

    /** One line of the comparison: the figure now, before and a year ago, with the differences. */
    public record Figure(String key, String label, String current, String previous, String previousChange,
                         String lastYear, String lastYearChange) {
    }

    public record RowView(String key, String label, long visits, long completed, String waitingMedian, String waitingP90,
                          String handlingMedian, String handlingP90) {
    }

    public record DayView(String label, long visits) {
    }

    public record HeatRow(String weekday, List<Long> counts) {
    }

    static StatisticsPage of(String staffName, StatisticsReport report, String error) {
        VisitStatistics now = report.current();
        StatisticsPeriod period = now.period();
        List<Integer> hours = hours(now.hourWeekday());
        long[][] grid = new long[7][hours.size()];
        for (VisitStatistics.HourWeekdayCell cell : now.hourWeekday()) {
            grid[cell.weekday().getValue() - 1][hours.indexOf(cell.hour())] = cell.visits();
        }
        List<HeatRow> heatRows = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            List<Long> counts = new ArrayList<>();
            for (long c : grid[d]) {
                counts.add(c);
            }
            heatRows.add(new HeatRow(WEEKDAYS.get(d), counts));
        }
        List<DayView> days = days(period, now.perDay());
        List<DayView> waiting = now.waitingDistribution().stream().map(b -> new DayView(b.label(), b.visits())).toList();
        String label = period.label();
        return new StatisticsPage(staffName, error, label, kindValue(period.kind()), period.from().toString(),
                period.from().toString(), period.to().toString(), choices(period.kind()), query(period),
                query(period.previous()), query(period.next()), report.previousPeriod().label(),
                report.lastYearPeriod().label(), figures(report), rows(now.perProcedure()), rows(now.perDepartment()),
                rows(now.perCounter()),
                rows(now.perChannel()), rows(now.perLifeEvent()), !now.perStaff().isEmpty(), rows(now.perStaff()),
                SvgCharts.bars("chart-procedures", "手続別の受付件数（" + label + "）",
                        "手続ごとの受付件数の横棒グラフ。数値は右の表と同じです。",
                        now.perProcedure().stream().map(r -> new SvgCharts.Datum(r.label(), r.visits())).toList()),
                SvgCharts.line("chart-days", "日別の来庁件数（" + label + "）",
                        "日ごとの来庁件数の折れ線グラフ。数値は下の表と同じです。",
                        days.stream().map(d -> new SvgCharts.Datum(d.label(), d.visits())).toList()),
                days,
                SvgCharts.heatMap("chart-heat", "曜日×時間帯の来庁件数（" + label + "）",
                        "行が曜日、列が受付の時刻（時）。色が濃いほど多く、各マスに件数を記しています。",
                        WEEKDAYS, hours, grid),
                hours, heatRows,
                SvgCharts.bars("chart-waiting", "待ち時間の分布（" + label + "）",
                        "受付から聞き取り開始までの待ち時間ごとの来庁件数。数値は右の表と同じです。",
                        waiting.stream().map(w -> new SvgCharts.Datum(w.label(), w.visits())).toList()),
                waiting, now.referrals());
    }

    /** Every day of the period (a month or a year: every day with visits; a year has too many to list empty ones). */
    private static List<DayView> days(StatisticsPeriod period, List<VisitStatistics.DayCount> counts) {
        if (period.days() > 62) {
            return counts.stream().map(c -> new DayView(DAY.format(c.day()), c.visits())).toList();
        }
        List<DayView> days = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            LocalDate day = d;
            long visits = counts.stream().filter(c -> c.day().equals(day)).mapToLong(VisitStatistics.DayCount::visits).sum();
            days.add(new DayView(DAY.format(d), visits));
        }
        return days;
    }

    private static List<Integer> hours(List<VisitStatistics.HourWeekdayCell> cells) {
        int first = Math.min(FIRST_HOUR, cells.stream().mapToInt(VisitStatistics.HourWeekdayCell::hour).min().orElse(FIRST_HOUR));
        int last = Math.max(LAST_HOUR, cells.stream().mapToInt(VisitStatistics.HourWeekdayCell::hour).max().orElse(LAST_HOUR));
        List<Integer> hours = new ArrayList<>();
        for (int h = first; h <= last; h++) {
            hours.add(h);
        }
        return hours;
    }

    private static List<Figure> figures(StatisticsReport report) {
        VisitStatistics.Totals now = report.current().totals();
        VisitStatistics.Totals before = report.previous();
        VisitStatistics.Totals lastYear = report.sameLastYear();
        List<Figure> figures = new ArrayList<>();
        figures.add(count("visits", "来庁（一回の来庁を1件）", now, before, lastYear, VisitStatistics.Totals::visits));
        figures.add(count("procedures", "手続（手続ごとに1件）", now, before, lastYear, VisitStatistics.Totals::procedures));
        figures.add(count("completed", "完了した来庁", now, before, lastYear, VisitStatistics.Totals::completed));
        figures.add(minutes("waiting-median", "待ち時間の中央値", now.waiting().median(), before.waiting().median(),
                lastYear.waiting().median()));
        figures.add(minutes("waiting-p90", "待ち時間の90パーセンタイル", now.waiting().p90(), before.waiting().p90(),
                lastYear.waiting().p90()));
        figures.add(minutes("handling-median", "処理時間の中央値", now.handling().median(), before.handling().median(),
                lastYear.handling().median()));
        figures.add(minutes("handling-p90", "処理時間の90パーセンタイル", now.handling().p90(), before.handling().p90(),
                lastYear.handling().p90()));
        figures.add(minutes("whole-median", "滞在時間の中央値（回付を含む来庁全体）", now.wholeVisit().median(),
                before.wholeVisit().median(), lastYear.wholeVisit().median()));
        figures.add(count("without-handwriting", "書かずに済んだ来庁（完了し、様式をシステムで印刷）", now, before, lastYear,
                VisitStatistics.Totals::withoutHandwriting));
        figures.add(count("forms-printed", "印刷した様式", now, before, lastYear, VisitStatistics.Totals::formsPrinted));
        figures.add(count("signed", "タブレットで署名した来庁", now, before, lastYear, VisitStatistics.Totals::signedVisits));
        figures.add(count("referrals", "回付", now, before, lastYear, VisitStatistics.Totals::referrals));
        figures.add(count("related-suggested", "提示した関連手続", now, before, lastYear, VisitStatistics.Totals::relatedSuggested));
        figures.add(count("adopted", "関連手続から追加した手続", now, before, lastYear, VisitStatistics.Totals::adoptedRelated));
        figures.add(count("related-removed", "職員が外した関連手続", now, before, lastYear, VisitStatistics.Totals::relatedRemoved));
        return figures;
    }

    private static Figure count(String key, String label, VisitStatistics.Totals now, VisitStatistics.Totals before,
                                VisitStatistics.Totals lastYear, ToLongFunction<VisitStatistics.Totals> figure) {
        long n = figure.applyAsLong(now);
        long b = figure.applyAsLong(before);
        long y = figure.applyAsLong(lastYear);
        return new Figure(key, label, String.format("%,d", n), String.format("%,d", b), change(n, b),
                String.format("%,d", y), change(n, y));
    }

    private static Figure minutes(String key, String label, Integer now, Integer before, Integer lastYear) {
        return new Figure(key, label, minutes(now), minutes(before),
                now == null || before == null ? "—" : signed(now - before) + "分",
                minutes(lastYear), now == null || lastYear == null ? "—" : signed(now - lastYear) + "分");
    }

    /** The difference, and as a share of the earlier figure when there was one. */
    static String change(long now, long before) {
        String difference = signed(now - before);
        return before == 0 ? difference : difference + String.format(Locale.ROOT, "（%+.1f%%）", 100.0 * (now - before) / before);
    }

    private static String signed(long difference) {
        return difference > 0 ? "+" + String.format("%,d", difference) : difference == 0 ? "±0" : String.format("%,d", difference);
    }

    static String minutes(Integer minutes) {
        return minutes == null ? "—" : minutes + "分";
    }

    private static List<RowView> rows(List<VisitStatistics.Row> rows) {
        return rows.stream().map(r -> new RowView(r.key(), r.label(), r.visits(), r.completed(),
                minutes(r.waiting().median()), minutes(r.waiting().p90()), minutes(r.handling().median()),
                minutes(r.handling().p90()))).toList();
    }

    private static List<Choice> choices(StatisticsPeriod.Kind selected) {
        return java.util.Arrays.stream(StatisticsPeriod.Kind.values())
                .map(k -> new Choice(kindValue(k), k.label(), k == selected)).toList();
    }

    public static String kindValue(StatisticsPeriod.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The query string that asks for {@code period} again (links to the CSVs, the previous and the next period). */
    public static String query(StatisticsPeriod period) {
        return period.kind() == StatisticsPeriod.Kind.RANGE
                ? "period=range&from=" + period.from() + "&to=" + period.to()
                : "period=" + kindValue(period.kind()) + "&day=" + period.from();
    }
}
