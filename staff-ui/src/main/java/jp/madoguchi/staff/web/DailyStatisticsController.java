package jp.madoguchi.staff.web;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
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

    @Get
    @View("staff/statistics")
    public Map<String, Object> today(Authentication authentication) {
        DailyStatistics today = statistics.today(StaffPrincipal.city(authentication));
        long max = today.perProcedure().stream().mapToLong(DailyStatistics.ProcedureCount::receptions).max().orElse(1);
        return Map.of(
                "staffName", StaffPrincipal.displayName(authentication),
                "day", DAY.format(today.day()),
                "total", today.total(),
                "rows", today.perProcedure().stream().map(p -> Map.of(
                        "code", p.procedureCode(),
                        "name", p.procedureName(),
                        "receptions", p.receptions(),
                        "completed", p.completed(),
                        "width", Math.max(2, 100 * p.receptions() / max))).toList());
    }
}
