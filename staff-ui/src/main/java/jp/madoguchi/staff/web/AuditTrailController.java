package jp.madoguchi.staff.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.ReadAuditTrailUseCase;
import jp.madoguchi.application.port.in.RevealIndividualNumberUseCase;
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
    private final RevealIndividualNumberUseCase reveals;
    private final ZoneId zone;

    public AuditTrailController(ReadAuditTrailUseCase trail, RevealIndividualNumberUseCase reveals, Clock clock) {
        this.trail = trail;
        this.reveals = reveals;
        this.zone = clock.getZone();
    }

    /** The page {@code admin/audit}: the search form as typed, and the entries found. */
    @Introspected
    public record AuditPage(String staffName, List<ActionChoice> actions, AuditQuery typed, boolean asked,
                            List<Row> rows, boolean more, String error, List<RevealAlertRow> alerts) {
    }

    /** 警告: a member who revealed unusually many 個人番号 in the last 24 hours. */
    public record RevealAlertRow(String actor, long reveals) {
    }

    public record ActionChoice(String name, String label) {
    }

    /** The search as typed, on the page and in the CSV export's form (each field may be empty). */
    @Serdeable
    public record AuditQuery(@Nullable String actor, @Nullable String resident, @Nullable String from,
                             @Nullable String to, @Nullable String action) {
        public AuditQuery {
            actor = actor == null ? "" : actor;
            resident = resident == null ? "" : resident;
            from = from == null ? "" : from;
            to = to == null ? "" : to;
            action = action == null ? "" : action;
        }
    }

    public record Row(long seq, String at, String actor, String terminal, String action, String residents,
                      String purpose, String detail) {
    }

    @Get("{?actor,resident,from,to,action}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<AuditPage>> search(Authentication authentication,
                                                        @Nullable @QueryValue String actor,
                                                        @Nullable @QueryValue String resident,
                                                        @Nullable @QueryValue String from,
                                                        @Nullable @QueryValue String to,
                                                        @Nullable @QueryValue String action) {
        String staffName = StaffPrincipal.displayName(authentication);
        List<RevealAlertRow> alerts = reveals.alerts(StaffPrincipal.city(authentication)).stream()
                .map(a -> new RevealAlertRow(a.actor(), a.reveals())).toList();
        List<ActionChoice> actions = Arrays.stream(AuditAction.values()).map(a -> new ActionChoice(a.name(), a.label())).toList();
        AuditQuery typed = new AuditQuery(actor, resident, from, to, action);
        boolean asked = actor != null || resident != null || from != null || to != null || action != null;
        if (!asked) {
            return HttpResponse.ok(new ModelAndView<>("admin/audit", new AuditPage(staffName, actions, typed, false,
                    List.of(), false, null, alerts)));
        }
        try {
            List<RecordedAuditEntry> found = trail.search(command(authentication, typed));
            return HttpResponse.ok(new ModelAndView<>("admin/audit", new AuditPage(staffName, actions, typed, true,
                    found.stream().map(this::row).toList(), found.size() >= ReadAuditTrailUseCase.PAGE, null, alerts)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.<ModelAndView<AuditPage>>status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("admin/audit", new AuditPage(staffName, actions, typed, true, List.of(),
                            false, ScreenMessage.of(e), alerts)));
        }
    }

    /**
     * The CSV goes to a temporary file first and is sent only when complete, so a failure midway never hands the
     * auditor a file that looks whole but is not.
     */
    @Post(value = "/export", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> export(Authentication authentication, @Body AuditQuery form) throws IOException {
        AuditSearchCommand command;
        try {
            command = command(authentication, form);
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ScreenMessage.of(e));
        }
        // owner-only (a temporary file's default here), and gone from the disk before the first byte is sent: the
        // open stream keeps the content readable for this answer only, and a failure leaves nothing behind
        Path file = Files.createTempFile("madoguchi-audit", ".csv");
        InputStream content;
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                trail.export(command, out);
            }
            content = Files.newInputStream(file);
        } finally {
            Files.deleteIfExists(file);
        }
        String name = "access-history-" + LocalDate.now(zone) + ".csv";
        return HttpResponse.ok(new StreamedFile(content, MediaType.of("text/csv;charset=UTF-8")).attach(name));
    }

    private AuditSearchCommand command(Authentication authentication, AuditQuery typed) {
        return new AuditSearchCommand(StaffPrincipal.city(authentication), typed.actor(), typed.resident(),
                date(typed.from(), "開始日"), date(typed.to(), "終了日"),
                typed.action().isBlank() ? null : actionOf(typed.action()), StaffPrincipal.operator(authentication));
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

    private Row row(RecordedAuditEntry r) {
        return new Row(r.seq(), WHEN.format(r.entry().at().atZone(zone)),
                r.entry().actor().displayName() + "（" + r.entry().actor().id() + "）", r.entry().terminal(),
                r.entry().action().label(), String.join(" ", r.entry().residents()), r.entry().purpose(),
                r.entry().detail());
    }

}
