package jp.madoguchi.staff.web;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import jp.madoguchi.domain.staff.Permission;
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
    private final jp.madoguchi.application.port.in.CallVisitorsUseCase calling;
    private final ZoneId zone;

    private final jp.madoguchi.application.port.in.SearchResidentsUseCase search;

    public ReceptionController(FindReceptionsUseCase receptions, AdvanceReceptionUseCase advance,
                               PrepareFormsUseCase forms, CompleteReceptionUseCase complete,
                               ListProceduresUseCase procedures, ConfirmIdentityUseCase identity,
                               ReceptionAccess access, jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase related,
                               jp.madoguchi.application.port.in.CallVisitorsUseCase calling,
                               jp.madoguchi.application.port.in.SearchResidentsUseCase search, Installation installation) {
        this.calling = calling;
        this.search = search;
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
    public HttpResponse<?> show(Authentication authentication, @PathVariable String number, @Nullable @QueryValue String notice,
                                @Nullable @io.micronaut.http.annotation.CookieValue(CallController.COUNTER_COOKIE) String counter) {
        requireServed(authentication, number);
        return page(authentication, ReceptionNumber.parse(number), notice, null, HttpStatus.OK, counter);
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
        return back(number, "内容の確認（口頭）を記録しました");
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
        CompleteReceptionUseCase.Completion done = complete.complete(step(authentication, number, version));
        String handedOff = done.records() == 0 ? "（この手続は基幹系への連携記録がありません）"
                : "し、基幹系への連携記録 " + done.records() + " 件を送り出しました"
                + (done.missing().isEmpty() ? "" : "（値のない項目: " + String.join("、", done.missing()) + "）");
        if (done.referredTo().isEmpty()) {
            return back(number, done.records() == 0 ? "受付を完了しました" + handedOff : "受付を完了" + handedOff);
        }
        jp.madoguchi.domain.procedure.Department next = done.referredTo().get();
        String notice = (done.finished().isEmpty() ? "この課の手続はありません" : String.join("・", done.finished()) + "を完了"
                + (done.records() == 0 ? "しました" + handedOff : handedOff)) + "。残りの手続のため" + next.name() + "へ回付しました";
        // a member of one 担当課 no longer serves the visit: back to the list, which says where it went
        return StaffPrincipal.operator(authentication).serves(next.code()) ? back(number, notice)
                : HttpResponse.seeOther(URI.create("/staff?notice="
                        + java.net.URLEncoder.encode(notice, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** 回付: sends the visit to another department's counter, with the reason the clerk gives. */
    /** 本人確認: the clerk names the resident the card belongs to. */
    @Post(value = "/{number}/identity", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirmIdentity(Authentication authentication, @PathVariable String number, long version,
                                           String addresseeNumber) {
        identity.confirm(step(authentication, number, version), new AddresseeNumber(addresseeNumber),
                StaffPrincipal.may(authentication, Permission.RESIDENT_SEARCH));
        return back(number, "本人確認をしました（宛名番号 " + addresseeNumber + "）");
    }

    /**
     * 在留カードで本人確認: a walk-in shows a 在留カード (or 特別永住者証明書) and the clerk enters its number; the
     * resident with that card in the registry is the one identified. The card's IC chip is not read here.
     */
    @Post(value = "/{number}/identity/residence-card", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirmByResidenceCard(Authentication authentication, @PathVariable String number, long version,
                                                  @io.micronaut.core.annotation.Nullable String residenceCardNumber) {
        ReceptionStepCommand step = step(authentication, number, version);
        if (!StaffPrincipal.may(authentication, Permission.RESIDENT_SEARCH)) {
            throw new jp.madoguchi.domain.shared.Rejection("identity.search-not-permitted",
                    "在留カードで本人確認するには住民検索の権限が必要です。権限のある職員に依頼してください");
        }
        var resident = search.byResidenceCardNumber(StaffPrincipal.city(authentication), residenceCardNumber,
                StaffPrincipal.operator(authentication)).orElseThrow(() -> new jp.madoguchi.domain.shared.Rejection(
                "identity.residence-card-unknown", "在留カード番号 " + residenceCardNumber.strip()
                        + " の方は住民記録にいません。カードの番号を確かめるか、住民検索で探してください"));
        identity.confirm(step, resident.addresseeNumber(), true);
        return back(number, "在留カードで本人確認をしました（宛名番号 " + resident.addresseeNumber().value() + "）");
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
            return page(authentication, ReceptionNumber.parse(number), null, message, status,
                    request.getCookies().findCookie(CallController.COUNTER_COOKIE).map(c -> c.getValue()).orElse(null));
        } catch (IllegalArgumentException notAReception) {
            return MessagePage.of(status, message);
        }
    }

    /** 受付: the visit, who it is for (registry, 転出証明書 or an unconfirmed card with candidates), its timeline. */
    @Introspected
    public record ReceptionPage(String staffName, String number, int callNumber, String channel, String state,
                                String stateCode, String department, long version, List<ProcedureRow> procedures,
                                List<TimelineRow> timeline, List<DepartmentOption> departments, boolean finished,
                                ResidentView resident, MoveInView moveIn, CardView card, List<CandidateRow> candidates,
                                Integer relatedCount, boolean anyResident, String notice, String error,
                                List<ReceptionInquiry.Choice> counters) {
    }

    public record TimelineRow(String time, String state, String operator, String description) {
    }

    /** A procedure of the visit: its department, and whether that department has finished it. */
    public record ProcedureRow(String code, String name, String department, String status) {
    }

    public record DepartmentOption(String code, String name) {
    }

    public record ResidentView(String addresseeNumber, String name, String kana, String birthDate, String sex,
                               String relationship, String head, String address, String postalCode, String type,
                               String status) {
    }

    public record MoveInView(String basis, String certificateNumber, String fromCity, String name, String kana,
                             String birthDate, String sex, String relationship, String head, String previousAddress,
                             String destination, String plannedOn, String domicile) {
    }

    /** 券面事項 of a card not yet matched to a resident. */
    public record CardView(String name, String address, String birthDate, String sex) {
    }

    public record CandidateRow(String addresseeNumber, String name, String birthDate, String address, int score) {
    }

    /** @param counter the counter this browser calls to (its cookie), chosen in the 呼出 form */
    private HttpResponse<?> page(Authentication authentication, ReceptionNumber number, String notice, String error,
                                 HttpStatus status, String counter) {
        return receptions.details(StaffPrincipal.city(authentication), number, StaffPrincipal.operator(authentication))
                .<HttpResponse<?>>map(details -> {
                    Reception r = details.reception();
                    ReceptionPage page = new ReceptionPage(StaffPrincipal.displayName(authentication),
                            r.number().value(), r.number().callNumber(), r.channel().label(), r.state().label(),
                            r.state().name(), r.department().name(), r.version(),
                            r.procedures().stream().map(p -> new ProcedureRow(p.code(), p.name(), p.department().name(),
                                    (r.adopted(p.code()) ? "関連手続から追加・" : "")
                                            + r.finishedAt(p.code()).map(t -> "完了 " + TIME.format(t.atZone(zone)))
                                                    .orElse("未完了"))).toList(),
                            r.timeline().stream().map(e -> new TimelineRow(TIME.format(e.at().atZone(zone)),
                                    e.state().label(), e.operatorName(), e.description())).toList(),
                            procedures.departments().stream().filter(d -> !d.equals(r.department()))
                                    .map(d -> new DepartmentOption(d.code(), d.name())).toList(),
                            r.state() == jp.madoguchi.domain.reception.ReceptionState.COMPLETED,
                            details.resident().map(ReceptionController::residentView).orElse(null),
                            details.moveIn().map(ReceptionController::moveInView).orElse(null),
                            details.unconfirmedCard().map(ReceptionController::cardView).orElse(null),
                            details.candidates().stream().map(c -> new CandidateRow(
                                    c.resident().addresseeNumber().value(), c.resident().name().name(),
                                    c.resident().birthDateForDisplay(), c.resident().address().fullText(), c.score())).toList(),
                            related.list(r.city(), r.number()).map(l -> l.current().size()).orElse(null),
                            StaffPrincipal.may(authentication, Permission.RESIDENT_SEARCH), notice, error,
                            r.isWaiting() ? CallController.counterChoices(calling, r.city(),
                                    StaffPrincipal.operator(authentication), counter, r.department().code(), true)
                                    : List.of());
                    return HttpResponse.status(status).header("Cache-Control", "no-store")
                            .body(new ModelAndView<>("staff/reception", page));
                })
                .orElseGet(() -> MessagePage.of(HttpStatus.NOT_FOUND, "受付番号 " + number + " の受付はありません"));
    }

    private static CardView cardView(jp.madoguchi.domain.identity.CardFace c) {
        String birth = c.birthDate().matches("\\d{8}")
                ? c.birthDate().substring(0, 4) + "年" + Integer.parseInt(c.birthDate().substring(4, 6)) + "月"
                + Integer.parseInt(c.birthDate().substring(6)) + "日" : c.birthDate();
        return new CardView(c.name(), c.address(), birth, c.sex() == null ? "" : c.sex().label());
    }

    private static MoveInView moveInView(MoveIn m) {
        MoveOutCertificate c = m.certificate();
        return new MoveInView(m.basis().label(), nz(c.certificateNumber()), c.fromCity().value(), c.name(),
                nz(c.nameKana()), c.birthDateForDisplay(), c.sex() == null ? "" : c.sex().label(), nz(c.relationship()),
                nz(c.headOfHouseholdName()), nz(c.previousAddress()), nz(c.destinationAddress()),
                c.plannedMoveOutOn() == null ? "" : c.plannedMoveOutOn().toString(), nz(c.domicile()));
    }

    private static ResidentView residentView(Resident r) {
        return new ResidentView(r.addresseeNumber().value(), r.name().name(), nz(r.name().nameKana()),
                r.birthDateForDisplay(), r.sex().label(), r.relationship().label(), nz(r.headOfHouseholdName()),
                r.address().fullText(), r.address().postalCode() == null ? "" : r.address().postalCode().display(),
                r.type().label(), r.status().label());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
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
