package jp.madoguchi.staff.web;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.AdvanceReceptionUseCase;
import jp.madoguchi.application.port.in.CompleteReceptionUseCase;
import jp.madoguchi.application.port.in.FindReceptionsUseCase;
import jp.madoguchi.application.port.in.ConfirmIdentityUseCase;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.PrepareFormsUseCase;
import jp.madoguchi.application.port.in.ReceptionStepCommand;
import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ReceptionStateException;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.staff.security.StaffPrincipal;
import jp.madoguchi.staff.security.Permissions;

/**
 * 受付の詳細: the resident's registry data, the pre-filled form, the timeline, and one button per step
 * (聞き取り開始 → 本人確認済み → 印刷 → 完了). Each step names the version the clerk saw, so two clerks on
 * one visit cannot overwrite each other.
 */
@Controller("/staff/receptions")
@Secured({Permissions.RECEPTION})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class ReceptionController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FindReceptionsUseCase receptions;
    private final AdvanceReceptionUseCase advance;
    private final PrepareFormsUseCase forms;
    private final CompleteReceptionUseCase complete;
    private final ListProceduresUseCase procedures;
    private final ConfirmIdentityUseCase identity;
    private final ReceptionAccess access;
    private final jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase related;
    private final ZoneId zone;

    public ReceptionController(FindReceptionsUseCase receptions, AdvanceReceptionUseCase advance,
                               PrepareFormsUseCase forms, CompleteReceptionUseCase complete,
                               ListProceduresUseCase procedures, ConfirmIdentityUseCase identity,
                               ReceptionAccess access, jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase related,
                               Installation installation) {
        this.receptions = receptions;
        this.advance = advance;
        this.forms = forms;
        this.complete = complete;
        this.procedures = procedures;
        this.identity = identity;
        this.access = access;
        this.related = related;
        this.zone = installation.zone();
    }

    @Get("/{number}")
    public HttpResponse<?> show(Authentication authentication, @PathVariable String number, @Nullable @QueryValue String notice) {
        requireServed(authentication, number);
        return page(authentication, ReceptionNumber.parse(number), notice, null, HttpStatus.OK);
    }

    /** 申請書（PDF）: the form pre-filled from the registry, for the screen. */
    @Get("/{number}/form.pdf")
    public HttpResponse<byte[]> form(Authentication authentication, @PathVariable String number) {
        requireServed(authentication, number);
        return DocumentResponse.inline(forms.preview(StaffPrincipal.city(authentication), ReceptionNumber.parse(number),
                StaffPrincipal.operator(authentication)));
    }

    @Post(value = "/{number}/hearing", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> startHearing(Authentication authentication, @PathVariable String number, long version) {
        advance.startHearing(step(authentication, number, version));
        return back(number, "聞き取りを開始しました");
    }

    @Post(value = "/{number}/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirm(Authentication authentication, @PathVariable String number, long version) {
        advance.confirm(step(authentication, number, version));
        return back(number, "本人確認済みにしました");
    }

    /**
     * 印刷: renders every form of the visit and moves it to 印刷; the page then offers the PDF to print from the
     * browser (a network printer, tray and paper are chosen per form on the 様式 page).
     */
    @Post(value = "/{number}/print", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> print(Authentication authentication, @PathVariable String number, long version) {
        RenderedDocument printed = forms.print(step(authentication, number, version));
        return back(number, "申請書を印刷しました（" + printed.fileName() + "）");
    }

    @Post(value = "/{number}/complete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> complete(Authentication authentication, @PathVariable String number, long version) {
        complete.complete(step(authentication, number, version));
        return back(number, "受付を完了し、基幹系への連携データを出力しました");
    }

    /** 回付: sends the visit to another department's counter, with the reason the clerk gives. */
    /** 本人確認: the clerk names the resident the card belongs to. */
    @Post(value = "/{number}/identity", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirmIdentity(Authentication authentication, @PathVariable String number, long version,
                                           String addresseeNumber) {
        identity.confirm(step(authentication, number, version), new AddresseeNumber(addresseeNumber));
        return back(number, "本人確認をしました（宛名番号 " + addresseeNumber + "）");
    }

    @Post(value = "/{number}/refer", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> refer(Authentication authentication, @PathVariable String number, long version,
                                 String department, @Nullable String reason) {
        advance.refer(step(authentication, number, version), department, reason);
        return back(number, "回付しました");
    }

    private void requireServed(Authentication authentication, String number) {
        access.requireServed(authentication, number);
    }

    @Error(exception = jp.madoguchi.domain.reception.OtherDepartmentRejection.class)
    public HttpResponse<?> otherDepartment(jp.madoguchi.domain.reception.OtherDepartmentRejection e) {
        return MessagePage.of(HttpStatus.FORBIDDEN, ScreenMessage.of(e));
    }

    @Error(exception = ConcurrentUpdateException.class)
    public HttpResponse<?> conflict(io.micronaut.http.HttpRequest<?> request, ConcurrentUpdateException e) {
        return errorPage(request, ScreenMessage.of(e), HttpStatus.CONFLICT);
    }

    @Error(exception = ReceptionStateException.class)
    public HttpResponse<?> wrongStep(io.micronaut.http.HttpRequest<?> request, ReceptionStateException e) {
        return errorPage(request, ScreenMessage.of(e), HttpStatus.CONFLICT);
    }

    @Error(exception = IllegalArgumentException.class)
    public HttpResponse<?> badInput(io.micronaut.http.HttpRequest<?> request, IllegalArgumentException e) {
        return errorPage(request, ScreenMessage.of(e), HttpStatus.BAD_REQUEST);
    }

    private HttpResponse<?> errorPage(io.micronaut.http.HttpRequest<?> request, String message, HttpStatus status) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElseThrow();
        String path = request.getPath();
        String number = path.replaceAll("^/staff/receptions/([^/]+).*$", "$1");
        try {
            return page(authentication, ReceptionNumber.parse(number), null, message, status);
        } catch (IllegalArgumentException notAReception) {
            return MessagePage.of(status, message);
        }
    }

    private HttpResponse<?> page(Authentication authentication, ReceptionNumber number, String notice, String error,
                                 HttpStatus status) {
        return receptions.details(StaffPrincipal.city(authentication), number, StaffPrincipal.operator(authentication))
                .<HttpResponse<?>>map(details -> {
                    Reception r = details.reception();
                    Map<String, Object> model = new HashMap<>();
                    model.put("staffName", StaffPrincipal.displayName(authentication));
                    model.put("number", r.number().value());
                    model.put("callNumber", r.number().callNumber());
                    model.put("channel", r.channel().label());
                    model.put("state", r.state().label());
                    model.put("stateCode", r.state().name());
                    model.put("department", r.department().name());
                    model.put("version", r.version());
                    model.put("procedures", r.procedures().stream().map(p -> p.name()).toList());
                    model.put("timeline", r.timeline().stream().map(e -> Map.of(
                            "time", TIME.format(e.at().atZone(zone)),
                            "state", e.state().label(),
                            "operator", e.operatorName(),
                            "description", e.description())).toList());
                    model.put("departments", procedures.departments().stream()
                            .filter(d -> !d.equals(r.department()))
                            .map(d -> Map.of("code", d.code(), "name", d.name())).toList());
                    model.put("finished", r.state() == jp.madoguchi.domain.reception.ReceptionState.COMPLETED);
                    model.put("resident", details.resident().map(ReceptionController::residentView).orElse(null));
                    model.put("moveIn", details.moveIn().map(ReceptionController::moveInView).orElse(null));
                    model.put("card", details.unconfirmedCard().map(c -> Map.of("name", c.name(), "address", c.address(),
                            "birthDate", c.birthDate().matches("\\d{8}")
                                    ? c.birthDate().substring(0, 4) + "年" + Integer.parseInt(c.birthDate().substring(4, 6)) + "月"
                                    + Integer.parseInt(c.birthDate().substring(6)) + "日" : c.birthDate(), "sex", c.sex() == null ? "" : c.sex().label())).orElse(null));
                    model.put("candidates", details.candidates().stream().map(c -> {
                        Map<String, Object> view = residentView(c.resident());
                        view.put("score", c.score());
                        return view;
                    }).toList());
                    model.put("relatedCount", related.list(r.city(), r.number())
                            .map(l -> l.current().size()).orElse(null));
                    model.put("notice", notice);
                    model.put("error", error);
                    return HttpResponse.status(status).header("Cache-Control", "no-store")
                            .body(new ModelAndView<>("staff/reception", model));
                })
                .orElseGet(() -> MessagePage.of(HttpStatus.NOT_FOUND, "受付番号 " + number + " の受付はありません"));
    }

    private static Map<String, Object> moveInView(MoveIn m) {
        MoveOutCertificate c = m.certificate();
        Map<String, Object> view = new HashMap<>();
        view.put("basis", m.basis().label());
        view.put("certificateNumber", c.certificateNumber() == null ? "" : c.certificateNumber());
        view.put("fromCity", c.fromCity().value());
        view.put("name", c.name());
        view.put("kana", c.nameKana() == null ? "" : c.nameKana());
        view.put("birthDate", c.birthDateForDisplay());
        view.put("sex", c.sex() == null ? "" : c.sex().label());
        view.put("relationship", c.relationship() == null ? "" : c.relationship());
        view.put("head", c.headOfHouseholdName() == null ? "" : c.headOfHouseholdName());
        view.put("previousAddress", c.previousAddress() == null ? "" : c.previousAddress());
        view.put("destination", c.destinationAddress() == null ? "" : c.destinationAddress());
        view.put("plannedOn", c.plannedMoveOutOn() == null ? "" : c.plannedMoveOutOn().toString());
        view.put("domicile", c.domicile() == null ? "" : c.domicile());
        return view;
    }

    private static Map<String, Object> residentView(Resident r) {
        Map<String, Object> view = new HashMap<>();
        view.put("addresseeNumber", r.addresseeNumber().value());
        view.put("name", r.name().name());
        view.put("kana", r.name().nameKana() == null ? "" : r.name().nameKana());
        view.put("birthDate", r.birthDateForDisplay());
        view.put("sex", r.sex().label());
        view.put("relationship", r.relationship().label());
        view.put("head", r.headOfHouseholdName() == null ? "" : r.headOfHouseholdName());
        view.put("address", r.address().fullText());
        view.put("postalCode", r.address().postalCode() == null ? "" : r.address().postalCode().display());
        view.put("type", r.type().label());
        view.put("status", r.status().label());
        return view;
    }

    private ReceptionStepCommand step(Authentication authentication, String number, long version) {
        requireServed(authentication, number);
        return new ReceptionStepCommand(StaffPrincipal.city(authentication), ReceptionNumber.parse(number), version,
                StaffPrincipal.operator(authentication));
    }

    private static HttpResponse<?> back(String number, String notice) {
        return HttpResponse.seeOther(URI.create("/staff/receptions/" + number + "?notice="
                + java.net.URLEncoder.encode(notice, java.nio.charset.StandardCharsets.UTF_8)));
    }
}
