package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.BackUpDatabaseUseCase;
import jp.madoguchi.application.port.out.BackupHistory.BackupRun;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/** バックアップ for administrators: each backup taken, whether its scratch restore passed, and 今すぐバックアップ. */
@Controller("/admin/backups")
@Secured({Permissions.LINKAGE})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class BackupsController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final BackUpDatabaseUseCase backups;
    private final ZoneId zone;

    public BackupsController(BackUpDatabaseUseCase backups, Clock clock) {
        this.backups = backups;
        this.zone = clock.getZone();
    }

    /** The page {@code admin/backups}: why backups are off (if they are), the runs newest first, the last outcome. */
    @Introspected
    public record BackupsPage(String staffName, String unavailable, String ran, List<Row> rows) {
    }

    /** One backup as shown: times in the city's zone, the size in MB. */
    public record Row(String id, String started, String finished, boolean verified, String size, String summary) {
    }

    @Get
    @View("admin/backups")
    public BackupsPage list(Authentication authentication, @QueryValue(defaultValue = "") String ran) {
        return new BackupsPage(StaffPrincipal.displayName(authentication), backups.unavailableReason(), ran,
                backups.recent(30).stream().map(this::row).toList());
    }

    /** 今すぐバックアップ: takes and checks one now (minutes for a big registry; the page waits). */
    @Post("/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> runNow() {
        String message;
        try {
            BackupRun run = backups.backUp();
            message = (run.verified() ? "バックアップ " : "バックアップ（検証で問題あり） ") + run.id() + " を取得しました";
        } catch (Rejection e) {
            message = e.getMessage();
        }
        return HttpResponse.seeOther(URI.create("/admin/backups?ran=" + URLEncoder.encode(message, StandardCharsets.UTF_8)));
    }

    private Row row(BackupRun run) {
        return new Row(run.id(), WHEN.format(run.startedAt().atZone(zone)), WHEN.format(run.finishedAt().atZone(zone)),
                run.verified(), String.format("%,.1f MB", run.bytes() / 1_048_576.0), run.summary());
    }
}
