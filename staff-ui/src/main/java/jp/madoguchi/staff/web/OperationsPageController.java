package jp.madoguchi.staff.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.RaiseAlertUseCase;
import jp.madoguchi.application.port.in.ReportOperationsUseCase;
import jp.madoguchi.application.port.in.ReportOperationsUseCase.OperationsReport;
import jp.madoguchi.application.port.out.AlertLog.Alert;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/** 稼働状況 for administrators: each readiness check as the load balancer sees it, and every alert raised. */
@Controller("/admin/operations")
@Secured({Permissions.LINKAGE})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class OperationsPageController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final ReportOperationsUseCase operations;
    private final RaiseAlertUseCase alerts;
    private final ZoneId zone;

    public OperationsPageController(ReportOperationsUseCase operations, RaiseAlertUseCase alerts, Clock clock) {
        this.operations = operations;
        this.alerts = alerts;
        this.zone = clock.getZone();
    }

    /** The page {@code admin/operations}. */
    @Introspected
    public record OperationsPage(String staffName, boolean ready, List<CheckRow> checks, List<AlertRow> alerts) {
    }

    /** One check: its name in Japanese, whether it passed, whether it takes the server out of service. */
    public record CheckRow(String name, String label, boolean ok, boolean gatesReadiness, String detail) {
    }

    /** One alert as listed. */
    public record AlertRow(long id, String raised, String last, int repeats, String source, String message,
                           String delivery) {
    }

    @Get
    @View("admin/operations")
    public OperationsPage show(Authentication authentication) {
        OperationsReport report = operations.report();
        return new OperationsPage(StaffPrincipal.displayName(authentication), report.ready(),
                report.checks().stream().map(c -> new CheckRow(c.name(), label(c.name()), c.ok(), c.gatesReadiness(), c.detail())).toList(),
                alerts.newest(100).stream().map(this::row).toList());
    }

    private static String label(String check) {
        return switch (check) {
            case "database" -> "データベース";
            case "disk" -> "ディスクの空き";
            case "linkage-import" -> "前方連携の取込";
            case "audit-checkpoint" -> "アクセス記録のチェックポイント";
            case "backup" -> "バックアップ";
            default -> check;
        };
    }

    private AlertRow row(Alert alert) {
        String delivery = alert.sentTo().isEmpty() ? "通知先なし（画面のみ）"
                : alert.sendError().isEmpty() ? "通知済み" : alert.sendError();
        return new AlertRow(alert.id(), WHEN.format(alert.raisedAt().atZone(zone)), WHEN.format(alert.lastAt().atZone(zone)),
                alert.repeats(), alert.source(), alert.message(), delivery);
    }
}
