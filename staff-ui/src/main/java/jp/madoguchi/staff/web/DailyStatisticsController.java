package jp.madoguchi.staff.web;

import java.time.format.DateTimeFormatter;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.DailyStatistics;
import jp.madoguchi.application.port.in.ShowDailyStatisticsUseCase;
import jp.madoguchi.staff.security.StaffPrincipal;
import jp.madoguchi.staff.security.Permissions;

/** 日次統計: receptions per procedure today, for supervisors (counts only, no resident data). */
@Controller("/staff/statistics")
@Secured({Permissions.STATISTICS})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class DailyStatisticsController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ShowDailyStatisticsUseCase statistics;

    public DailyStatisticsController(ShowDailyStatisticsUseCase statistics) {
        this.statistics = statistics;
    }

    /** The page {@code staff/statistics}: today's receptions per procedure, with a bar width in percent. */
    @Introspected
    public record StatisticsPage(String staffName, String day, long total, List<Row> rows) {

        public record Row(String code, String name, long receptions, long completed, long width) {
        }
    }

    @Get
    @View("staff/statistics")
    public StatisticsPage today(Authentication authentication) {
        DailyStatistics today = statistics.today(StaffPrincipal.city(authentication));
        long max = today.perProcedure().stream().mapToLong(DailyStatistics.ProcedureCount::receptions).max().orElse(1);
        return new StatisticsPage(StaffPrincipal.displayName(authentication), DAY.format(today.day()), today.total(),
                today.perProcedure().stream().map(p -> new StatisticsPage.Row(p.procedureCode(), p.procedureName(),
                        p.receptions(), p.completed(), Math.max(2, 100 * p.receptions() / max))).toList());
    }
}
