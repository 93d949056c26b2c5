package jp.madoguchi.staff.web.statistics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.ShowStatisticsUseCase;
import jp.madoguchi.application.port.in.ShowStatisticsUseCase.StatisticsReport;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.domain.staff.Permission;
import jp.madoguchi.domain.statistics.StatisticsPeriod;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 統計: the supervisors' figures for a day, week, month, 年度 or any range, compared with the period before and the same
 * period a year earlier; charts, tables and a CSV of every table. No resident is named; rows per member of staff only
 * for a role with {@link Permission#STATISTICS_BY_STAFF}.
 */
@Controller("/staff/statistics")
@Secured({Permissions.STATISTICS})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class StatisticsController {

    private final ShowStatisticsUseCase statistics;

    public StatisticsController(ShowStatisticsUseCase statistics) {
        this.statistics = statistics;
    }

    @Get
    @View("staff/statistics")
    public StatisticsPage show(Authentication authentication, @Nullable @QueryValue String period,
                               @Nullable @QueryValue String day, @Nullable @QueryValue String from,
                               @Nullable @QueryValue String to) {
        LocalDate today = statistics.today();
        StatisticsPeriod asked;
        String error = null;
        try {
            asked = period(period, day, from, to, today);
        } catch (Rejection e) {
            asked = StatisticsPeriod.day(today);
            error = e.getMessage();
        }
        return StatisticsPage.of(StaffPrincipal.displayName(authentication), report(authentication, asked), error);
    }

    /** The printable report of the period (日報, 週報, 月報, 年報 or 統計報告), A4 PDF. */
    @Get("/report.pdf")
    public HttpResponse<?> printable(Authentication authentication, @Nullable @QueryValue String period,
                                     @Nullable @QueryValue String day, @Nullable @QueryValue String from,
                                     @Nullable @QueryValue String to) {
        RenderedDocument report = statistics.printable(new ShowStatisticsUseCase.StatisticsQuery(
                StaffPrincipal.city(authentication), period(period, day, from, to, statistics.today()),
                StaffPrincipal.may(authentication, Permission.STATISTICS_BY_STAFF)));
        // the name is Japanese (日報_2026-12-05.pdf): an ASCII name for old clients, the real one per RFC 6266
        return HttpResponse.ok(report.content()).contentType(MediaType.of(report.mediaType()))
                .header("Content-Disposition", "inline; filename=\"statistics-report.pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(report.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "no-store");
    }

    /** One table of the page as CSV (UTF-8 with BOM, so Excel reads the Japanese headings). */
    @Get("/{table}.csv")
    public HttpResponse<?> csv(Authentication authentication, @PathVariable String table,
                               @Nullable @QueryValue String period, @Nullable @QueryValue String day,
                               @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        StatisticsPeriod asked = period(period, day, from, to, statistics.today());
        StatisticsReport report = report(authentication, asked);
        return StatisticsCsv.table(table, report)
                .<HttpResponse<?>>map(csv -> HttpResponse.ok("\uFEFF" + csv)
                        .contentType(new MediaType("text/csv; charset=UTF-8"))
                        .header("Content-Disposition", "attachment; filename=\"statistics-" + table + "-"
                                + asked.from() + "_" + asked.to() + ".csv\""))
                .orElseGet(HttpResponse::notFound);
    }

    private StatisticsReport report(Authentication authentication, StatisticsPeriod period) {
        return statistics.report(new ShowStatisticsUseCase.StatisticsQuery(StaffPrincipal.city(authentication), period,
                StaffPrincipal.may(authentication, Permission.STATISTICS_BY_STAFF)));
    }

    /** The period from the form: a kind and a day in it, or a range; today's day when nothing is asked. */
    public static StatisticsPeriod period(String kind, String day, String from, String to, LocalDate today) {
        if (kind == null || kind.isBlank()) {
            return StatisticsPeriod.day(today);
        }
        StatisticsPeriod.Kind chosen;
        try {
            chosen = StatisticsPeriod.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new Rejection("statistics.period-kind", "集計期間の種類は 日・週・月・年度・期間指定 のいずれかです: " + kind);
        }
        if (chosen == StatisticsPeriod.Kind.RANGE) {
            return StatisticsPeriod.range(date(from, "初日", today), date(to, "末日", today));
        }
        return StatisticsPeriod.of(chosen, date(day, "日付", today));
    }

    private static LocalDate date(String text, String what, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Rejection("statistics.date", what + "は 2026-12-01 の形で指定してください: " + text);
        }
    }
}
