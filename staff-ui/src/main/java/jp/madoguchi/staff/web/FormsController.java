package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ConfirmOnTabletUseCase;
import jp.madoguchi.application.port.in.ManageTerminalsUseCase;
import jp.madoguchi.application.port.out.PairedTerminal;
import jp.madoguchi.application.port.in.FormsAtCounterUseCase;
import jp.madoguchi.application.port.in.FormsAtCounterUseCase.FormStatus;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.out.DocumentPrinter.PrintSettings;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 様式: the forms of a reception pre-filled from the registry, the questions still to ask (each once for the visit),
 * the signature on the counter tablet, and printing to the browser's print dialog or a network printer.
 */
@Controller("/staff/receptions/{number}/forms")
@Secured({Permissions.RECEPTION})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class FormsController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FormsAtCounterUseCase forms;
    private final ReceptionAccess access;
    private final ConfirmOnTabletUseCase tablet;
    private final ManageTerminalsUseCase terminals;
    private final ZoneId zone;

    public FormsController(FormsAtCounterUseCase forms, ReceptionAccess access, ConfirmOnTabletUseCase tablet,
                           ManageTerminalsUseCase terminals, Installation installation) {
        this.forms = forms;
        this.terminals = terminals;
        this.tablet = tablet;
        this.access = access;
        this.zone = installation.zone();
    }

    /** 様式: the visit's forms, what is still to ask, printing and the print record. */
    @Introspected
    public record FormsPage(String staffName, String number, List<FormRow> forms, List<FormChoice> allForms,
                            List<QuestionRow> questions, List<QuestionRow> answered, List<String> printers,
                            List<PrintRow> prints, List<FormChoice> tablets, String confirmation, String notice,
                            String error) {
    }

    public record FormRow(String id, int version, String title, String signing, int missing, String glyphs) {
    }

    public record FormChoice(String id, String title) {
    }

    /** @param choices for a choice, the values of its select (empty: a text field) */
    public record QuestionRow(String key, String text, String typed, List<String> choices) {
    }

    public record PrintRow(String time, String form, String printer, String by) {
    }

    /** 署名: the tablet page. */
    @Introspected
    public record SignaturePage(String staffName, String number) {
    }

    @Get
    public HttpResponse<?> show(Authentication authentication, @PathVariable String number, @Nullable @QueryValue String notice) {
        access.requireServed(authentication, number);
        return page(authentication, number, notice, null, Map.of(), HttpStatus.OK);
    }

    /**
     * The answers as posted. The questions are the forms' own (forms are data), so each arrives as an
     * {@code answer.<field>} field; they are read here, in one place.
     */
    record AnswersForm(Map<String, String> answers) {

        static AnswersForm from(Map<String, Object> form) {
            Map<String, String> answers = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("answer.")) {
                    answers.put(k.substring("answer.".length()), String.valueOf(v instanceof Collection<?> c
                            ? (c.isEmpty() ? "" : c.iterator().next()) : v));
                }
            });
            return new AnswersForm(answers);
        }
    }

    @Post(value = "/answers", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> answer(Authentication authentication, @PathVariable String number, @Body Map<String, Object> posted) {
        access.requireServed(authentication, number);
        Map<String, String> answers = AnswersForm.from(posted).answers();
        try {
            forms.answer(StaffPrincipal.city(authentication), ReceptionNumber.parse(number), answers,
                    StaffPrincipal.operator(authentication));
        } catch (IllegalArgumentException e) {
            // nothing was stored: the page comes back with what was typed, to correct it
            Map<String, String> typed = new LinkedHashMap<>(answers);
            // a long run of digits is not typed back: it may be a 個人番号 in the wrong field
            typed.replaceAll((k, v) -> v != null && v.replaceAll("[\\s-]", "").matches(".*\\d{12}.*") ? "" : v);
            return page(authentication, number, null, ScreenMessage.of(e), typed, HttpStatus.BAD_REQUEST);
        }
        return back(number, "回答を記録しました。同じ受付のすべての様式に入ります");
    }

    /** The filled form on screen (PDF), for the citizen to check. */
    @Get("/{formId}.pdf")
    public HttpResponse<byte[]> preview(Authentication authentication, @PathVariable String number, @PathVariable String formId) {
        access.requireServed(authentication, number);
        return DocumentResponse.inline(forms.preview(StaffPrincipal.city(authentication), ReceptionNumber.parse(number), formId,
                StaffPrincipal.operator(authentication)));
    }

    /** 印刷: to the browser (its print dialog opens on the PDF) or to a network printer with tray and paper. */
    @Post(value = "/print", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> print(Authentication authentication, @PathVariable String number, String formId,
                                 @Nullable String printer, @Nullable String tray, @Nullable String paper) {
        access.requireServed(authentication, number);
        boolean browser = printer == null || printer.isBlank();
        RenderedDocument document = forms.print(StaffPrincipal.city(authentication), ReceptionNumber.parse(number), formId,
                browser ? null : new PrintSettings(printer, tray, paper == null || paper.isBlank() ? "A4" : paper),
                StaffPrincipal.operator(authentication));
        if (browser) {
            return DocumentResponse.inline(document);
        }
        return back(number, document.fileName() + " を " + printer + " に送りました");
    }

    /**
     * 本人に確認してもらう: the content goes to the citizen-facing tablet at this counter (a terminal registered like a
     * kiosk), where the citizen confirms it and signs.
     */
    @Post(value = "/tablet", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> sendToTablet(Authentication authentication, @PathVariable String number,
                                        @Nullable String terminal) {
        access.requireServed(authentication, number);
        tablet.send(StaffPrincipal.city(authentication), ReceptionNumber.parse(number), terminal,
                StaffPrincipal.operator(authentication));
        return back(number, "タブレット " + terminal.strip() + " に内容を表示しました。本人が確認して署名すると経過に出ます");
    }

    /** 署名: the tablet page; the signature is drawn with a finger or pen and sent as a PNG. */
    @Get("/signature")
    public HttpResponse<?> signaturePage(Authentication authentication, @PathVariable String number) {
        access.requireServed(authentication, number);
        return HttpResponse.ok(new ModelAndView<>("staff/signature",
                new SignaturePage(StaffPrincipal.displayName(authentication), number))).header("Cache-Control", "no-store");
    }

    @Post(value = "/signature", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> sign(Authentication authentication, @PathVariable String number, @Nullable String png) {
        access.requireServed(authentication, number);
        byte[] image;
        try {
            image = Base64.getDecoder().decode(png == null ? "" : png.replaceFirst("^data:image/png;base64,", ""));
        } catch (IllegalArgumentException e) {
            throw new Rejection("screen.input", "署名の画像を受け取れませんでした。もう一度署名してください");
        }
        String hash = forms.sign(StaffPrincipal.city(authentication), ReceptionNumber.parse(number), image,
                StaffPrincipal.operator(authentication));
        return back(number, "署名を受け取りました（SHA-256 " + hash.substring(0, 16) + "…）");
    }

    @Error(exception = jp.madoguchi.domain.reception.OtherDepartmentRejection.class)
    public HttpResponse<?> otherDepartment(jp.madoguchi.domain.reception.OtherDepartmentRejection e) {
        return MessagePage.of(HttpStatus.FORBIDDEN, ScreenMessage.of(e));
    }

    @Error(exception = IllegalArgumentException.class)
    public HttpResponse<?> badInput(HttpRequest<?> request, IllegalArgumentException e) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElseThrow();
        String number = request.getPath().replaceAll("^/staff/receptions/([^/]+).*$", "$1");
        try {
            return page(authentication, number, null, ScreenMessage.of(e), Map.of(), HttpStatus.BAD_REQUEST);
        } catch (IllegalArgumentException noPage) {
            return MessagePage.of(HttpStatus.BAD_REQUEST, ScreenMessage.of(e));
        }
    }

    private HttpResponse<?> page(Authentication authentication, String number, String notice, String error,
                                 Map<String, String> typed, HttpStatus status) {
        ReceptionNumber reception = ReceptionNumber.parse(number);
        List<FormStatus> list = forms.forms(StaffPrincipal.city(authentication), reception,
                StaffPrincipal.operator(authentication));
        Map<String, FormsAtCounterUseCase.Question> questions = new LinkedHashMap<>();
        list.forEach(f -> f.questions().forEach(q -> questions.putIfAbsent(q.key(), q)));
        FormsPage page = new FormsPage(StaffPrincipal.displayName(authentication), number,
                list.stream().map(f -> new FormRow(f.id(), f.version(), f.title(), f.signing(), f.questions().size(),
                        String.join("、", f.missingGlyphs()))).toList(),
                forms.allForms(StaffPrincipal.city(authentication)).stream()
                        .map(f -> new FormChoice(f.id(), f.title())).toList(),
                questions.values().stream().map(q -> new QuestionRow(q.key(), q.text(),
                        typed.getOrDefault(q.key(), ""), q.choices())).toList(),
                forms.answered(StaffPrincipal.city(authentication), reception, StaffPrincipal.operator(authentication))
                        .stream().map(a -> new QuestionRow(a.question().key(), a.question().text(),
                                typed.getOrDefault(a.question().key(), a.value()), a.question().choices())).toList(),
                forms.printers(),
                forms.prints(StaffPrincipal.city(authentication), reception).stream().map(p -> new PrintRow(
                        TIME.format(p.printedAt().atZone(zone)), p.formId() + " 第" + p.formVersion() + "版",
                        p.printer(), p.printedBy())).toList(),
                // the registered terminals in force: the clerk picks the tablet at this counter, nothing is typed
                terminals.terminals(StaffPrincipal.city(authentication)).stream().filter(PairedTerminal::active)
                        .map(t -> new FormChoice(t.terminalId(), t.terminalId() + "（" + t.label() + "）")).toList(),
                tablet.confirmation(StaffPrincipal.city(authentication), reception)
                        .map(c -> "本人が確認し署名済み（" + TIME.format(c.confirmedAt().atZone(zone)) + "、" + c.terminal()
                                + "、SHA-256 " + c.contentSha256().substring(0, 12) + "…）")
                        .orElse(null),
                notice, error);
        return HttpResponse.status(status).header("Cache-Control", "no-store").body(new ModelAndView<>("staff/forms", page));
    }

    private static HttpResponse<?> back(String number, String notice) {
        return HttpResponse.seeOther(URI.create("/staff/receptions/" + number + "/forms?notice="
                + URLEncoder.encode(notice, StandardCharsets.UTF_8)));
    }
}
