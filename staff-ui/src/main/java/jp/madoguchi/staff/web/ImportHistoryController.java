package jp.madoguchi.staff.web;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.ImportSummary;
import jp.madoguchi.application.port.in.ShowImportHistoryUseCase;
import jp.madoguchi.application.port.out.ImportRecord;
import jp.madoguchi.staff.security.StaffPrincipal;
import jp.madoguchi.staff.security.Permissions;

/** 取込履歴 for administrators: every linkage file seen, what became of it, and its error report. */
@Controller("/admin/imports")
@Secured({Permissions.LINKAGE})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class ImportHistoryController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final ShowImportHistoryUseCase history;
    private final ImportLinkageFilesUseCase importer;
    private final ZoneId zone;

    public ImportHistoryController(ShowImportHistoryUseCase history, ImportLinkageFilesUseCase importer,
                                   java.time.Clock clock) {
        this.history = history;
        this.importer = importer;
        this.zone = clock.getZone();
    }

    /** The page {@code admin/imports}: the import history, newest first, and the outcome of 今すぐ取り込む. */
    @Introspected
    public record ImportsPage(String staffName, String ran, List<Row> rows) {
    }

    /** The page {@code admin/import}: one import with its report. */
    @Introspected
    public record ImportPage(String staffName, Row row, String report) {
    }

    /** One import as both pages show it (counts grouped by thousands, the time in the city's zone). */
    public record Row(long id, String file, String linkageId, String kind, String source, String outcome,
                      String outcomeLabel, String when, String rows, String added, String changed, String deleted,
                      String errors, String duration) {
    }

    @Get
    @View("admin/imports")
    public ImportsPage list(Authentication authentication, @QueryValue(defaultValue = "") String ran) {
        return new ImportsPage(StaffPrincipal.displayName(authentication), ran,
                history.recent(StaffPrincipal.city(authentication)).stream().map(this::row).toList());
    }

    // no @View: it would also apply to the 404 and render the detail page without its model
    @Get("/{id}")
    public HttpResponse<?> detail(Authentication authentication, long id) {
        return history.find(StaffPrincipal.city(authentication), id)
                .<HttpResponse<?>>map(r -> HttpResponse.ok(new ModelAndView<>("admin/import", new ImportPage(
                        StaffPrincipal.displayName(authentication), row(r), r.report() == null ? "" : r.report()))))
                .orElseGet(() -> MessagePage.of(HttpStatus.NOT_FOUND, "取込履歴 " + id + " は見つかりません。"));
    }

    /** 今すぐ取り込む: runs the configured sources once, as the scheduled poll would. */
    @Post("/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> runNow(Authentication authentication) {
        ImportSummary summary = importer.importConfigured(StaffPrincipal.city(authentication), ImportLinkageFilesUseCase.ImportProgress.NONE,
                StaffPrincipal.operator(authentication));
        String message = summary.files().isEmpty() ? "取り込むファイルはありませんでした"
                : "取込 " + summary.applied() + " 件、取り込めなかったファイル " + summary.refused() + " 件";
        return HttpResponse.seeOther(URI.create("/admin/imports?ran=" + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Row row(ImportRecord r) {
        return new Row(r.id(), r.fileName(), r.linkageId(), r.kind(), r.source(), r.outcome(), r.outcomeLabel(),
                WHEN.format(r.finishedAt().atZone(zone)), String.format("%,d", r.rowsRead()), String.format("%,d", r.added()),
                String.format("%,d", r.changed()), String.format("%,d", r.deleted()), String.format("%,d", r.errorCount()),
                String.format("%.1f 秒", r.durationMillis() / 1000.0));
    }
}
