package jp.madoguchi.staff.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.OperationReport;
import jp.madoguchi.application.port.in.ShowOperationReportUseCase;
import jp.madoguchi.application.port.in.ShowStatisticsUseCase;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.domain.statistics.StatisticsPeriod;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;
import jp.madoguchi.staff.web.statistics.StatisticsController;
import jp.madoguchi.staff.web.statistics.StatisticsPage;

/** 稼働報告 for the city's IT staff: a day or a month (or any period), on screen, as CSV and as an A4 PDF. */
@Controller("/admin/operations/report")
@Secured({Permissions.LINKAGE})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class OperationReportController {

    private final ShowOperationReportUseCase reports;
    private final ShowStatisticsUseCase statistics;

    public OperationReportController(ShowOperationReportUseCase reports, ShowStatisticsUseCase statistics) {
        this.reports = reports;
        this.statistics = statistics;
    }

    /** The page {@code admin/operation-report}. */
    @Introspected
    public record OperationReportPage(String staffName, String error, String periodLabel, String kind, String day,
                                      String query, String hours,
                                      String availability, boolean meetsGoal, String goal, String served, long logins,
                                      long failedLogins, long errors, String backups, String lastBackup, List<DayRow> days,
                                      List<OperationReport.Count> imports, List<OperationReport.Count> kiosks,
                                      List<OperationReport.Count> printers) {

        public record DayRow(String day, long logins, long failedLogins, long errors, String availability) {
        }
    }

    @Get
    @View("admin/operation-report")
    public OperationReportPage show(Authentication authentication, @Nullable @QueryValue String period,
                                    @Nullable @QueryValue String day, @Nullable @QueryValue String from,
                                    @Nullable @QueryValue String to) {
        LocalDate today = statistics.today();
        StatisticsPeriod asked;
        String error = null;
        try {
            asked = StatisticsController.period(period == null ? "month" : period, day, from, to, today);
        } catch (Rejection e) {
            asked = StatisticsPeriod.month(today);
            error = e.getMessage();
        }
        OperationReport r = reports.report(StaffPrincipal.city(authentication), asked);
        OperationReport.Availability a = r.availability();
        return new OperationReportPage(StaffPrincipal.displayName(authentication), error, asked.label(),
                StatisticsPage.kindValue(asked.kind()), asked.from().toString(), StatisticsPage.query(asked),
                r.hours().label(), a.percentText(), a.meetsGoal(),
                OperationReport.GOAL_PERCENT + "%", String.format("%,d 分 / %,d 分", a.servedMinutes(), a.openingMinutes()),
                r.logins(), r.failedLogins(), r.errors(), r.backups().verified() + " / " + r.backups().runs(),
                r.backups().last(), r.days().stream().map(d -> new OperationReportPage.DayRow(d.day().toString(), d.logins(),
                        d.failedLogins(), d.errors(),
                        new OperationReport.Availability(d.openingMinutes(), d.servedMinutes()).percentText())).toList(),
                r.imports(), r.kiosks(), r.printers());
    }

    /** The days of the period as CSV: date, logins, failed logins, errors, opening minutes, minutes served. */
    @Get("/days.csv")
    public HttpResponse<?> csv(Authentication authentication, @Nullable @QueryValue String period,
                               @Nullable @QueryValue String day, @Nullable @QueryValue String from,
                               @Nullable @QueryValue String to) {
        StatisticsPeriod asked = StatisticsController.period(period == null ? "month" : period, day, from, to, statistics.today());
        OperationReport r = reports.report(StaffPrincipal.city(authentication), asked);
        StringBuilder csv = new StringBuilder("\uFEFF日付,ログイン,ログイン失敗,エラー,開庁時間（分）,稼働（分）\r\n");
        r.days().forEach(d -> csv.append(d.day()).append(',').append(d.logins()).append(',').append(d.failedLogins())
                .append(',').append(d.errors()).append(',').append(d.openingMinutes()).append(',').append(d.servedMinutes())
                .append("\r\n"));
        return HttpResponse.ok(csv.toString()).contentType(new MediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"operation-report-" + asked.from() + "_" + asked.to() + ".csv\"");
    }

    @Get("/report.pdf")
    public HttpResponse<?> printable(Authentication authentication, @Nullable @QueryValue String period,
                                     @Nullable @QueryValue String day, @Nullable @QueryValue String from,
                                     @Nullable @QueryValue String to) {
        StatisticsPeriod asked = StatisticsController.period(period == null ? "month" : period, day, from, to, statistics.today());
        RenderedDocument report = reports.printable(StaffPrincipal.city(authentication), asked);
        return HttpResponse.ok(report.content()).contentType(MediaType.of(report.mediaType()))
                .header("Content-Disposition", "inline; filename=\"operation-report.pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(report.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "no-store");
    }
}
