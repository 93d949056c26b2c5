package jp.madoguchi.application.service;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.application.port.in.OpeningHours;
import jp.madoguchi.application.port.in.OperationReport;
import jp.madoguchi.application.port.in.ShowOperationReportUseCase;
import jp.madoguchi.application.port.out.OperationReportQuery;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.application.port.out.StatisticsReportRenderer;
import jp.madoguchi.application.port.out.StatisticsReportRenderer.Section;
import jp.madoguchi.application.port.out.StatisticsReportRenderer.StatisticsDocument;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.statistics.StatisticsPeriod;

/** 稼働報告: the query's figures for the period up to now, and the same laid out as a report. */
public final class ShowOperationReportService implements ShowOperationReportUseCase {

    private static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm");

    private final OperationReportQuery query;
    private final StatisticsReportRenderer renderer;
    private final OpeningHours hours;
    private final String municipality;
    private final Clock clock;

    public ShowOperationReportService(OperationReportQuery query, StatisticsReportRenderer renderer, OpeningHours hours,
                                      String municipality, Clock clock) {
        this.query = query;
        this.renderer = renderer;
        this.hours = hours;
        this.municipality = municipality;
        this.clock = clock;
    }

    @Override
    public OperationReport report(LocalGovernmentCode city, StatisticsPeriod period) {
        return query.of(city, period, hours, clock.instant());
    }

    @Override
    public void markServing() {
        query.markServing(clock.instant());
    }

    @Override
    public RenderedDocument printable(LocalGovernmentCode city, StatisticsPeriod period) {
        OperationReport report = report(city, period);
        List<Section> sections = new ArrayList<>();
        OperationReport.Availability a = report.availability();
        sections.add(new Section("概要", "", List.of(), List.of("項目", "値"), List.of(
                List.of("稼働率（開庁時間 " + report.hours().label() + "）", a.percentText()
                        + "（目標 " + OperationReport.GOAL_PERCENT + "%" + (a.meetsGoal() ? "、達成" : "、未達") + "）"),
                List.of("開庁時間のうち稼働していた時間", String.format("%,d 分 / %,d 分", a.servedMinutes(), a.openingMinutes())),
                List.of("ログイン", String.format("%,d", report.logins())),
                List.of("ログイン失敗", String.format("%,d", report.failedLogins())),
                List.of("エラー（通知）", String.format("%,d", report.errors())),
                List.of("バックアップ（検証済み / 実行）", report.backups().verified() + " / " + report.backups().runs()))));
        sections.add(new Section("日別", "", List.of(), List.of("日付", "ログイン", "失敗", "エラー", "稼働率"),
                report.days().stream().map(d -> List.of(d.day().toString(), String.valueOf(d.logins()),
                        String.valueOf(d.failedLogins()), String.valueOf(d.errors()),
                        new OperationReport.Availability(d.openingMinutes(), d.servedMinutes()).percentText())).toList()));
        sections.add(counts("連携ファイルの取込", "結果", report.imports()));
        sections.add(counts("記載台の利用（受付件数）", "記載台", report.kiosks()));
        sections.add(counts("プリンタの利用（印刷した様式）", "プリンタ", report.printers()));
        String title = "稼働報告";
        return renderer.render(new StatisticsDocument(title + "_" + period.from() + "_" + period.to() + ".pdf", title,
                municipality, period.label(), MADE.format(clock.instant().atZone(clock.getZone())) + " 作成。稼働率は、開庁時間"
                + "のうちサーバーが応答していた分の割合（1分ごとの記録から）。", sections));
    }

    private static Section counts(String heading, String column, List<OperationReport.Count> counts) {
        return new Section(heading, "", List.of(), List.of(column, "件数"),
                counts.stream().map(c -> List.of(c.label(), String.format("%,d", c.count()))).toList());
    }
}
