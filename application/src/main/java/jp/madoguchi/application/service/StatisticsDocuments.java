package jp.madoguchi.application.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import jp.madoguchi.application.port.in.ShowStatisticsUseCase.StatisticsReport;
import jp.madoguchi.application.port.in.VisitStatistics;
import jp.madoguchi.application.port.out.StatisticsReportRenderer.Bar;
import jp.madoguchi.application.port.out.StatisticsReportRenderer.Section;
import jp.madoguchi.application.port.out.StatisticsReportRenderer.StatisticsDocument;
import jp.madoguchi.domain.statistics.StatisticsPeriod;

/**
 * The wording of a printed statistics report: which sections, in which order, with what headings, and every number
 * as the page shows it. The renderer only lays it out.
 */
final class StatisticsDocuments {

    private static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm");
    private static final List<String> ROW_COLUMNS = List.of("名称", "来庁", "完了", "待ち 中央値", "待ち 90%",
            "処理 中央値", "処理 90%");

    private StatisticsDocuments() {
    }

    static String title(StatisticsPeriod period) {
        return switch (period.kind()) {
            case DAY -> "日報";
            case WEEK -> "週報";
            case MONTH -> "月報";
            case FISCAL_YEAR -> "年報";
            case RANGE -> "統計報告";
        };
    }

    static StatisticsDocument of(StatisticsReport report, String municipality, Instant made, ZoneId zone) {
        VisitStatistics now = report.current();
        StatisticsPeriod period = now.period();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("概要と比較", "", List.of(), List.of("項目", "今期", "前期間", "前年同期"), summary(report)));
        sections.add(rows("手続別", "手続別の受付件数", now.perProcedure(), true));
        sections.add(rows("課別", "", now.perDepartment(), false));
        sections.add(rows("窓口別（呼び出した窓口）", "", now.perCounter(), false));
        sections.add(new Section("回付（課から課へ）", "", List.of(), List.of("回付元", "回付先", "件数"),
                now.referrals().stream().map(r -> List.of(r.fromDepartment(), r.toDepartment(),
                        String.format("%,d", r.referrals()))).toList()));
        sections.add(rows("受付経路別", "", now.perChannel(), false));
        sections.add(rows("ライフイベント別", "", now.perLifeEvent(), false));
        long[] perHour = new long[24];
        now.hourWeekday().forEach(c -> perHour[c.hour()] += c.visits());
        List<Bar> hours = new ArrayList<>();
        List<List<String>> hourRows = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (perHour[h] > 0 || h >= 8 && h <= 18) {
                hours.add(new Bar(h + "時台", perHour[h]));
                hourRows.add(List.of(h + "時台", String.valueOf(perHour[h])));
            }
        }
        sections.add(new Section("時間帯別", "受付の時刻ごとの来庁件数", hours, List.of("時間帯", "来庁"), hourRows));
        sections.add(new Section("待ち時間の分布", "待ち時間ごとの来庁件数",
                now.waitingDistribution().stream().map(b -> new Bar(b.label(), b.visits())).toList(),
                List.of("待ち時間", "来庁"),
                now.waitingDistribution().stream().map(b -> List.of(b.label(), String.valueOf(b.visits()))).toList()));
        if (period.days() > 1) {
            sections.add(new Section("日別", "", List.of(), List.of("日付", "来庁"),
                    now.perDay().stream().map(d -> List.of(d.day().toString(), String.valueOf(d.visits()))).toList()));
        }
        if (!now.perStaff().isEmpty()) {
            sections.add(rows("職員別（聞き取りを始めた職員）", "", now.perStaff(), false));
        }
        String title = title(period);
        return new StatisticsDocument(title + "_" + period.from() + (period.days() > 1 ? "_" + period.to() : "") + ".pdf",
                title, municipality, period.label() + "　（比較: 前期間 " + report.previousPeriod().label() + "、前年同期 "
                        + report.lastYearPeriod().label() + "）",
                MADE.format(made.atZone(zone)) + " 作成。待ち時間は受付から聞き取り開始まで、処理時間は聞き取り開始から完了まで（分、"
                        + "1分未満切り捨て）。来庁は受付番号ごとに1件、手続は一つずつ数えます。",
                sections);
    }

    private static List<List<String>> summary(StatisticsReport report) {
        VisitStatistics.Totals n = report.current().totals();
        VisitStatistics.Totals b = report.previous();
        VisitStatistics.Totals y = report.sameLastYear();
        List<List<String>> rows = new ArrayList<>();
        rows.add(count("来庁", n, b, y, VisitStatistics.Totals::visits));
        rows.add(count("手続", n, b, y, VisitStatistics.Totals::procedures));
        rows.add(count("完了した来庁", n, b, y, VisitStatistics.Totals::completed));
        rows.add(List.of("待ち時間の中央値", minutes(n.waiting().median()), minutes(b.waiting().median()), minutes(y.waiting().median())));
        rows.add(List.of("待ち時間の90パーセンタイル", minutes(n.waiting().p90()), minutes(b.waiting().p90()), minutes(y.waiting().p90())));
        rows.add(List.of("処理時間の中央値", minutes(n.handling().median()), minutes(b.handling().median()), minutes(y.handling().median())));
        rows.add(List.of("処理時間の90パーセンタイル", minutes(n.handling().p90()), minutes(b.handling().p90()), minutes(y.handling().p90())));
        rows.add(List.of("滞在時間の中央値", minutes(n.wholeVisit().median()), minutes(b.wholeVisit().median()), minutes(y.wholeVisit().median())));
        rows.add(count("書かずに済んだ来庁", n, b, y, VisitStatistics.Totals::withoutHandwriting));
        rows.add(count("印刷した様式", n, b, y, VisitStatistics.Totals::formsPrinted));
        rows.add(count("タブレットで署名した来庁", n, b, y, VisitStatistics.Totals::signedVisits));
        rows.add(count("回付", n, b, y, VisitStatistics.Totals::referrals));
        rows.add(count("提示した関連手続", n, b, y, VisitStatistics.Totals::relatedSuggested));
        rows.add(count("関連手続から追加した手続", n, b, y, VisitStatistics.Totals::adoptedRelated));
        rows.add(count("職員が外した関連手続", n, b, y, VisitStatistics.Totals::relatedRemoved));
        return rows;
    }

    private static List<String> count(String label, VisitStatistics.Totals n, VisitStatistics.Totals b,
                                      VisitStatistics.Totals y, ToLongFunction<VisitStatistics.Totals> figure) {
        return List.of(label, String.format("%,d", figure.applyAsLong(n)), String.format("%,d", figure.applyAsLong(b)),
                String.format("%,d", figure.applyAsLong(y)));
    }

    private static Section rows(String heading, String chartTitle, List<VisitStatistics.Row> rows, boolean chart) {
        return new Section(heading, chart ? chartTitle : "",
                chart ? rows.stream().map(r -> new Bar(r.label(), r.visits())).toList() : List.of(), ROW_COLUMNS,
                rows.stream().map(r -> List.of(r.label(), String.format("%,d", r.visits()), String.format("%,d", r.completed()),
                        minutes(r.waiting().median()), minutes(r.waiting().p90()), minutes(r.handling().median()),
                        minutes(r.handling().p90()))).toList());
    }

    static String minutes(Integer minutes) {
        return minutes == null ? "—" : minutes + "分";
    }
}
