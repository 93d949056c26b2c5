package jp.madoguchi.staff.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.ReadAuditTrailUseCase;
import jp.madoguchi.application.port.in.ReadAuditTrailUseCase.AuditSearchCommand;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.out.AuditTrailQuery.RecordedAuditEntry;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/** アクセス記録: the auditor searches the history by person, resident, period and action, and exports it as CSV. */
@Controller("/admin/audit")
@Secured({Permissions.AUDIT})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class AuditTrailController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final ReadAuditTrailUseCase trail;
    private final ZoneId zone;

    public AuditTrailController(ReadAuditTrailUseCase trail, Clock clock) {
        this.trail = trail;
        this.zone = clock.getZone();
    }

    @Get("{?actor,resident,from,to,action}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> search(Authentication authentication,
                                                                  @Nullable @QueryValue String actor,
                                                                  @Nullable @QueryValue String resident,
                                                                  @Nullable @QueryValue String from,
                                                                  @Nullable @QueryValue String to,
                                                                  @Nullable @QueryValue String action) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("staffName", StaffPrincipal.displayName(authentication));
        model.put("actions", Arrays.stream(AuditAction.values()).map(a -> Map.of("name", a.name(), "label", a.label())).toList());
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("actor", actor == null ? "" : actor);
        typed.put("resident", resident == null ? "" : resident);
        typed.put("from", from == null ? "" : from);
        typed.put("to", to == null ? "" : to);
        typed.put("action", action == null ? "" : action);
        model.put("typed", typed);
        boolean asked = actor != null || resident != null || from != null || to != null || action != null;
        model.put("asked", asked);
        model.put("rows", List.of());
        if (!asked) {
            return HttpResponse.ok(new ModelAndView<>("admin/audit", model));
        }
        try {
            List<RecordedAuditEntry> found = trail.search(command(authentication, typed));
            model.put("rows", found.stream().map(this::row).toList());
            model.put("more", found.size() >= ReadAuditTrailUseCase.PAGE);
            return HttpResponse.ok(new ModelAndView<>("admin/audit", model));
        } catch (IllegalArgumentException e) {
            model.put("error", ScreenMessage.of(e));
            return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("admin/audit", model));
        }
    }

    /**
     * The CSV goes to a temporary file first and is sent only when complete, so a failure midway never hands the
     * auditor a file that looks whole but is not.
     */
    @Post(value = "/export", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> export(Authentication authentication, @Body Map<String, String> form) throws IOException {
        AuditSearchCommand command;
        try {
            command = command(authentication, form);
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ScreenMessage.of(e));
        }
        Path file = Files.createTempFile("madoguchi-audit", ".csv");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
            trail.export(command, out);
        }
        String name = "access-history-" + LocalDate.now(zone) + ".csv";
        return HttpResponse.ok(new SystemFile(file.toFile(), MediaType.of("text/csv;charset=UTF-8")).attach(name));
    }

    private AuditSearchCommand command(Authentication authentication, Map<String, String> typed) {
        String action = typed.getOrDefault("action", "");
        return new AuditSearchCommand(StaffPrincipal.city(authentication), typed.get("actor"), typed.get("resident"),
                date(typed.get("from"), "開始日"), date(typed.get("to"), "終了日"),
                action == null || action.isBlank() ? null : actionOf(action), StaffPrincipal.operator(authentication));
    }

    private static AuditAction actionOf(String name) {
        try {
            return AuditAction.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new Rejection("screen.input", "操作の種類「" + name + "」はありません");
        }
    }

    private static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Rejection("screen.input", what + "は 2026-11-22 の形で入力してください");
        }
    }

    private Map<String, Object> row(RecordedAuditEntry r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", r.seq());
        row.put("at", WHEN.format(r.entry().at().atZone(zone)));
        row.put("actor", r.entry().actor().displayName() + "（" + r.entry().actor().id() + "）");
        row.put("terminal", r.entry().terminal());
        row.put("action", r.entry().action().label());
        row.put("residents", String.join(" ", r.entry().residents()));
        row.put("purpose", r.entry().purpose());
        row.put("detail", r.entry().detail());
        return row;
    }
}
