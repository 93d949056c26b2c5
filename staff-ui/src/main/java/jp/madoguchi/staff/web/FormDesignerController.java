package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.DesignFormsUseCase;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.FormDefinitions.StoredForm;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.form.FormTextException;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 様式の設計: staff copy or create a form, place dictionary fields by clicking them in the palette and dragging them on
 * the page (or by typing coordinates), see the PDF preview, publish a version, and export or import the definition as
 * a file. No programming: the definition is the text the page shows.
 */
@Controller("/admin/forms")
@Secured({Permissions.FORMS})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class FormDesignerController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String NEW_FORM = """
            様式: NEW_FORM
            名称: 新しい様式
            用紙: A4 縦
            署名: 画面
            手続: RESIDENT_CERTIFICATE
            見出し: 30 10 140 12 「新しい様式」 18
            QR: 178 8 22 22
            署名欄: 115 250 80 24
            """;

    private final DesignFormsUseCase forms;
    private final ListProceduresUseCase procedures;
    private final Clock clock;

    public FormDesignerController(DesignFormsUseCase forms, ListProceduresUseCase procedures, Clock clock) {
        this.forms = forms;
        this.procedures = procedures;
        this.clock = clock;
    }

    /** 様式の一覧: the forms in force today. */
    @Introspected
    public record FormsPage(String staffName, String notice, List<FormRow> forms) {
    }

    public record FormRow(String id, String title, int version, String paper, String signing, String procedures,
                          String from) {
    }

    /** 様式の設計: the definition text, its published versions, the field dictionary to pick from. */
    @Introspected
    public record DesignerPage(String staffName, String id, String text, String effectiveFrom, int newestVersion,
                               List<VersionRow> history, List<FieldRow> fields, List<ProcedureChoices> procedures,
                               String notice, List<String> problems) {
    }

    public record VersionRow(int version, String from, String by, String at) {
    }

    public record FieldRow(String key, String type, String source, boolean members) {
    }

    @Get
    public ModelAndView<FormsPage> list(Authentication authentication, @Nullable @QueryValue String notice) {
        return new ModelAndView<>("admin/forms", new FormsPage(StaffPrincipal.displayName(authentication), notice,
                forms.inForce(StaffPrincipal.city(authentication), LocalDate.now(clock)).stream()
                        .map(f -> new FormRow(f.id(), f.title(), f.version(),
                                f.paper().name() + (f.landscape() ? " 横" : " 縦"), f.signing().word(),
                                String.join("、", f.procedures()), f.effectiveFrom().toString())).toList()));
    }

    @Get("/new")
    public HttpResponse<?> create(Authentication authentication, @Nullable @QueryValue String copy) {
        String text = copy == null ? NEW_FORM : forms.export(StaffPrincipal.city(authentication), copy)
                .replaceFirst("(?m)^様式[:：]\\s*(\\S+)", "様式: $1_COPY")
                .replaceFirst("(?m)^名称[:：]\\s*(.+)$", "名称: $1（写し）");
        return designer(authentication, null, text, null, List.of(), HttpStatus.OK);
    }

    @Get("/{id}")
    public HttpResponse<?> show(Authentication authentication, @PathVariable String id, @Nullable @QueryValue String notice) {
        List<StoredForm> history = forms.history(StaffPrincipal.city(authentication), id);
        if (history.isEmpty()) {
            return MessagePage.of(HttpStatus.NOT_FOUND, "様式 " + id + " はありません");
        }
        return designer(authentication, id, history.get(history.size() - 1).text(), notice, List.of(), HttpStatus.OK);
    }

    /** 書き出し: the newest version as a file another city can import. */
    @Get("/{id}/export")
    public HttpResponse<String> export(Authentication authentication, @PathVariable String id) {
        return HttpResponse.ok(forms.export(StaffPrincipal.city(authentication), id))
                .contentType(new MediaType("text/plain; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + id + ".form\"");
    }

    /** 読み込み: a definition file opens in the designer, checked; it is stored only when published. */
    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> importFile(Authentication authentication, CompletedFileUpload file) {
        String text;
        try {
            text = new String(file.getBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        } catch (java.io.IOException e) {
            throw new Rejection("screen.input", "ファイルを読めませんでした");
        }
        try {
            forms.check(text);
            return designer(authentication, null, text, "「" + file.getFilename() + "」を読み込みました。確かめてから公開してください",
                    List.of(), HttpStatus.OK);
        } catch (FormTextException e) {
            return designer(authentication, null, text, null, e.problems(), HttpStatus.BAD_REQUEST);
        }
    }

    /** プレビュー: the PDF of the text as it is now, filled with each field's name. */
    @Post(value = "/preview", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> preview(Authentication authentication, @Nullable String text) {
        try {
            return DocumentResponse.inline(forms.preview(text));
        } catch (FormTextException e) {
            return HttpResponse.badRequest(String.join("\n", e.problems())).contentType(new MediaType("text/plain; charset=UTF-8"));
        }
    }

    @Post(value = "/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> publish(Authentication authentication, @Nullable String text, @Nullable String effectiveFrom,
                                   @Nullable Integer newestVersion) {
        try {
            FormDefinition published = forms.publish(StaffPrincipal.city(authentication), text, date(effectiveFrom),
                    newestVersion == null ? 0 : newestVersion, StaffPrincipal.operator(authentication));
            return HttpResponse.seeOther(URI.create("/admin/forms/" + published.id() + "?notice=" + URLEncoder.encode(
                    "第" + published.version() + "版を公開しました（" + published.effectiveFrom() + "から有効）", StandardCharsets.UTF_8)));
        } catch (FormTextException e) {
            return designer(authentication, null, text, null, e.problems(), HttpStatus.BAD_REQUEST);
        } catch (IllegalArgumentException | ConcurrentUpdateException e) {
            return designer(authentication, null, text, null, List.of(ScreenMessage.of(e)),
                    e instanceof ConcurrentUpdateException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
        }
    }

    /** An unknown form to copy or export: said on a page, not a server error. */
    @Error(exception = IllegalArgumentException.class)
    public HttpResponse<?> unknownForm(IllegalArgumentException e) {
        return MessagePage.of(HttpStatus.NOT_FOUND, ScreenMessage.of(e));
    }

    private HttpResponse<?> designer(Authentication authentication, String id, String text, String notice,
                                     List<String> problems, HttpStatus status) {
        String formId = id != null ? id : idIn(text);
        List<StoredForm> history = formId == null ? List.of() : forms.history(StaffPrincipal.city(authentication), formId);
        DesignerPage page = new DesignerPage(StaffPrincipal.displayName(authentication), formId == null ? "" : formId,
                text == null ? "" : text, LocalDate.now(clock).toString(),
                history.isEmpty() ? 0 : history.get(history.size() - 1).version(),
                history.stream().map(v -> new VersionRow(v.version(), v.effectiveFrom().toString(), v.publishedBy(),
                        WHEN.format(v.publishedAt().atZone(clock.getZone())))).toList(),
                forms.dictionary().stream().map(f -> new FieldRow(f.key(), f.type().name(), f.source().label(),
                        f.type() == FieldDefinition.Type.MEMBERS)).toList(),
                ProcedureChoices.of(procedures), notice, problems);
        return HttpResponse.status(status).header("Cache-Control", "no-store").body(new ModelAndView<>("admin/form-designer", page));
    }

    private LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Rejection("screen.input", "有効開始日は 2026-11-22 の形で入力してください");
        }
    }

    private static String idIn(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^様式[:：]\\s*([A-Z][A-Z0-9_]{1,63})\\s*$").matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
