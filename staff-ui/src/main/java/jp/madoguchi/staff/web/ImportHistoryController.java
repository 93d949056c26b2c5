package jp.madoguchi.staff.web;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
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

    @Get
    @View("admin/imports")
    public Map<String, Object> list(Authentication authentication, @QueryValue(defaultValue = "") String ran) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("staffName", StaffPrincipal.displayName(authentication));
        model.put("ran", ran);
        model.put("rows", history.recent(StaffPrincipal.city(authentication)).stream().map(this::row).toList());
        return model;
    }

    // no @View: it would also apply to the 404 and render the detail page without its model
    @Get("/{id}")
    public HttpResponse<?> detail(Authentication authentication, long id) {
        return history.find(StaffPrincipal.city(authentication), id)
                .<HttpResponse<?>>map(r -> HttpResponse.ok(new ModelAndView<>("admin/import", Map.of(
                        "staffName", StaffPrincipal.displayName(authentication),
                        "row", row(r), "report", r.report() == null ? "" : r.report()))))
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

    private Map<String, Object> row(ImportRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.id());
        row.put("file", r.fileName());
        row.put("linkageId", r.linkageId());
        row.put("kind", r.kind());
        row.put("source", r.source());
        row.put("outcome", r.outcome());
        row.put("outcomeLabel", r.outcomeLabel());
        row.put("when", WHEN.format(r.finishedAt().atZone(zone)));
        row.put("rows", String.format("%,d", r.rowsRead()));
        row.put("added", String.format("%,d", r.added()));
        row.put("changed", String.format("%,d", r.changed()));
        row.put("deleted", String.format("%,d", r.deleted()));
        row.put("errors", String.format("%,d", r.errorCount()));
        row.put("duration", String.format("%.1f 秒", r.durationMillis() / 1000.0));
        return row;
    }
}
