package jp.madoguchi.staff.web.statistics;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import jp.madoguchi.application.port.in.ShowStatisticsUseCase.StatisticsReport;
import jp.madoguchi.application.port.in.VisitStatistics;
import jp.madoguchi.domain.shared.CsvCells;

/**
 * Every table of the statistics page as CSV: the same rows and numbers, times in whole minutes (empty when nobody
 * got that far), one heading row. The period is in the file name, not in the rows, so the files load as they are.
 */
final class StatisticsCsv {

    static final List<String> TABLES = List.of("summary", "procedures", "departments", "channels", "life-events", "staff",
            "days", "hour-weekday", "waiting");

    private static final List<String> ROW_HEADING = List.of("コード", "名称", "来庁", "完了", "待ち時間中央値（分）",
            "待ち時間90パーセンタイル（分）", "処理時間中央値（分）", "処理時間90パーセンタイル（分）");

    private StatisticsCsv() {
    }

    /** The table named {@code table}; empty for a name the page does not have (or staff rows the viewer may not see). */
    static Optional<String> table(String table, StatisticsReport report) {
        VisitStatistics now = report.current();
        List<List<String>> rows = new ArrayList<>();
        switch (table) {
            case "summary" -> {
                rows.add(List.of("項目", "今期", "前期間", "前年同期"));
                VisitStatistics.Totals b = report.previous();
                VisitStatistics.Totals y = report.sameLastYear();
                VisitStatistics.Totals n = now.totals();
                rows.add(counts("来庁", n.visits(), b.visits(), y.visits()));
                rows.add(counts("手続", n.procedures(), b.procedures(), y.procedures()));
                rows.add(counts("完了", n.completed(), b.completed(), y.completed()));
                rows.add(List.of("待ち時間中央値（分）", minutes(n.waiting().median()), minutes(b.waiting().median()), minutes(y.waiting().median())));
                rows.add(List.of("待ち時間90パーセンタイル（分）", minutes(n.waiting().p90()), minutes(b.waiting().p90()), minutes(y.waiting().p90())));
                rows.add(List.of("処理時間中央値（分）", minutes(n.handling().median()), minutes(b.handling().median()), minutes(y.handling().median())));
                rows.add(List.of("処理時間90パーセンタイル（分）", minutes(n.handling().p90()), minutes(b.handling().p90()), minutes(y.handling().p90())));
                rows.add(List.of("滞在時間中央値（分）", minutes(n.wholeVisit().median()), minutes(b.wholeVisit().median()), minutes(y.wholeVisit().median())));
                rows.add(counts("書かずに済んだ来庁", n.withoutHandwriting(), b.withoutHandwriting(), y.withoutHandwriting()));
                rows.add(counts("印刷した様式", n.formsPrinted(), b.formsPrinted(), y.formsPrinted()));
                rows.add(counts("タブレットで署名した来庁", n.signedVisits(), b.signedVisits(), y.signedVisits()));
                rows.add(counts("回付", n.referrals(), b.referrals(), y.referrals()));
                rows.add(counts("提示した関連手続", n.relatedSuggested(), b.relatedSuggested(), y.relatedSuggested()));
                rows.add(counts("関連手続から追加した手続", n.adoptedRelated(), b.adoptedRelated(), y.adoptedRelated()));
                rows.add(counts("職員が外した関連手続", n.relatedRemoved(), b.relatedRemoved(), y.relatedRemoved()));
            }
            case "procedures" -> rows(rows, now.perProcedure());
            case "departments" -> rows(rows, now.perDepartment());
            case "counters" -> rows(rows, now.perCounter());
            case "channels" -> rows(rows, now.perChannel());
            case "life-events" -> rows(rows, now.perLifeEvent());
            case "referrals" -> {
                rows.add(List.of("回付元", "回付先", "件数"));
                now.referrals().forEach(r -> rows.add(List.of(r.fromDepartment(), r.toDepartment(), String.valueOf(r.referrals()))));
            }
            case "staff" -> {
                if (now.perStaff().isEmpty()) {
                    return Optional.empty();
                }
                rows(rows, now.perStaff());
            }
            case "days" -> {
                rows.add(List.of("日付", "来庁"));
                now.perDay().forEach(d -> rows.add(List.of(d.day().toString(), String.valueOf(d.visits()))));
            }
            case "hour-weekday" -> {
                rows.add(List.of("曜日", "時", "来庁"));
                now.hourWeekday().forEach(c -> rows.add(List.of(StatisticsPage.WEEKDAYS.get(c.weekday().getValue() - 1),
                        String.valueOf(c.hour()), String.valueOf(c.visits()))));
            }
            case "waiting" -> {
                rows.add(List.of("待ち時間", "来庁"));
                now.waitingDistribution().forEach(w -> rows.add(List.of(w.label(), String.valueOf(w.visits()))));
            }
            default -> {
                return Optional.empty();
            }
        }
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text)) {
            rows.forEach(r -> csv.writeRecord(CsvCells.safe(r)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Optional.of(text.toString());
    }

    private static void rows(List<List<String>> rows, List<VisitStatistics.Row> data) {
        rows.add(ROW_HEADING);
        data.forEach(r -> rows.add(List.of(r.key(), r.label(), String.valueOf(r.visits()), String.valueOf(r.completed()),
                minutes(r.waiting().median()), minutes(r.waiting().p90()), minutes(r.handling().median()),
                minutes(r.handling().p90()))));
    }

    private static List<String> counts(String label, long now, long before, long lastYear) {
        return List.of(label, String.valueOf(now), String.valueOf(before), String.valueOf(lastYear));
    }

    private static String minutes(Integer minutes) {
        return minutes == null ? "" : String.valueOf(minutes);
    }
}
