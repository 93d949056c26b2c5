package jp.madoguchi.kiosk.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.HoldKioskVisitUseCase;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.StartMoveInUseCase;
import jp.madoguchi.application.port.in.StartMoveInUseCase.MoveInStart;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.kiosk.device.KioskDevice;

/**
 * 転入届 at the kiosk once the visit is taken: who is moving in, a family member's certificate added with the
 * handheld scanner, the questions of the 転入届 (the day of the move, who is notifying) as touch choices, the
 * confirmation with every value and its source, then the slip. Only the kiosk that took the visit, for a while,
 * may do any of this (the same rule as for the slip).
 */
@Controller("/kiosk/move-in")
@Secured(KioskDevice.ROLE)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class KioskMoveInController {

    private final StartMoveInUseCase moveIn;
    private final MoveInPages pages;
    private final HearingPages hearing;
    private final HoldKioskVisitUseCase visits;
    private final ListProceduresUseCase procedures;
    private final KioskSlipPrinter slipPrinter;
    private final LocalGovernmentCode city;

    public KioskMoveInController(StartMoveInUseCase moveIn, MoveInPages pages, HearingPages hearing,
                                 HoldKioskVisitUseCase visits, ListProceduresUseCase procedures,
                                 KioskSlipPrinter slipPrinter, Installation installation) {
        this.moveIn = moveIn;
        this.pages = pages;
        this.hearing = hearing;
        this.visits = visits;
        this.procedures = procedures;
        this.slipPrinter = slipPrinter;
        this.city = installation.city();
    }

    /** 紙の転出証明書: the handheld scanner types the certificate's 2D code into the page. */
    @Post(value = "/certificate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public Object fromCertificate(Authentication authentication, @Body Map<String, Object> posted) {
        return pages.fromCertificate(new PostedForm(posted).value("code"), device(authentication).operator());
    }

    /** 引っ越してくる方: everyone on the visit so far. */
    @Get("/{number}")
    public HttpResponse<?> movers(Authentication authentication, @PathVariable String number) {
        return taken(authentication, number)
                .<HttpResponse<?>>map(n -> HttpResponse.ok(page(n, moveIn.moveIn(city, n).orElseThrow(), null)))
                .orElseGet(KioskMoveInController::expired);
    }

    /** 家族の転出証明書: one more member, from their certificate's code; a refusal keeps everyone read so far. */
    @Post(value = "/{number}/certificate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> addMover(Authentication authentication, @PathVariable String number,
                                    @Body Map<String, Object> posted) {
        // the whole body as one map: binding single form fields next to a path variable raced on the body's chunks
        String code = new PostedForm(posted).value("code");
        Optional<ReceptionNumber> taken = taken(authentication, number);
        if (taken.isEmpty()) {
            return expired();
        }
        ReceptionNumber n = taken.get();
        if (code == null || code.isBlank()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(n, moveIn.moveIn(city, n).orElseThrow(),
                    "二次元コードを読み取れませんでした。ご家族の転出証明書の二次元コードを読み取り機にかざしてください。"));
        }
        MoveInStart result = moveIn.addFromCertificateCode(n, new StartMoveInUseCase.CertificateCodeCommand(city,
                Channel.KIOSK, null, code, device(authentication).operator()));
        if (result instanceof MoveInStart.NotStarted refused) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(page(n, moveIn.moveIn(city, n).orElseThrow(), refused.message()));
        }
        return HttpResponse.seeOther(URI.create("/kiosk/move-in/" + n.value()));
    }

    /** 転入届の質問: asked once everyone is read. */
    @Get("/{number}/questions")
    public HttpResponse<?> questions(Authentication authentication, @PathVariable String number) {
        return taken(authentication, number)
                .<HttpResponse<?>>map(n -> hearing.takenQuestions(moveInProcedure(), answersUrl(n), Map.of()))
                .orElseGet(KioskMoveInController::expired);
    }

    /** The answers: the confirmation, or the questions again with what to correct ({@code edit}: back to them). */
    @Post(value = "/{number}/answers", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> answers(Authentication authentication, @PathVariable String number,
                                   @Body Map<String, Object> posted) {
        Map<String, String> answers = KioskAnswers.from(posted).values();
        return taken(authentication, number)
                .<HttpResponse<?>>map(n -> posted.containsKey("edit")
                        ? hearing.takenQuestions(moveInProcedure(), answersUrl(n), answers)
                        : hearing.takenAnswered(n, moveInProcedure(), answersUrl(n), "/kiosk/move-in/" + n.value() + "/receive",
                                answers, device(authentication).operator()))
                .orElseGet(KioskMoveInController::expired);
    }

    /** 受付する: the checked answers go into the visit, and the slip is printed. */
    @Post(value = "/{number}/receive", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> receive(Authentication authentication, @PathVariable String number,
                                   @Body Map<String, Object> posted) {
        KioskDevice kiosk = device(authentication);
        return taken(authentication, number)
                .<HttpResponse<?>>map(n -> {
                    hearing.keep(n, KioskAnswers.from(posted).values(), kiosk.operator());
                    String printed = slipPrinter.print(n, kiosk.operator());
                    return HttpResponse.seeOther(URI.create("/kiosk/slip/" + n.value() + printed));
                })
                .orElseGet(KioskMoveInController::expired);
    }

    /** The visit, when it is a 転入 this kiosk took a moment ago. */
    private Optional<ReceptionNumber> taken(Authentication authentication, String number) {
        ReceptionNumber n;
        try {
            n = ReceptionNumber.parse(number);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!visits.mayShowSlip(city, device(authentication).terminalId(), n.value())) {
            return Optional.empty();
        }
        return moveIn.moveIn(city, n).map(m -> n);
    }

    private ModelAndView<KioskPages.MoveInPage> page(ReceptionNumber number, MoveIn kept, String error) {
        List<KioskPages.Mover> movers = kept.movers().stream().map(KioskMoveInController::mover).toList();
        return new ModelAndView<>("kiosk/move-in", new KioskPages.MoveInPage(number.value(), kept.basis().label(), movers, error));
    }

    private static KioskPages.Mover mover(MoveOutCertificate c) {
        return new KioskPages.Mover(c.name(), c.birthDateForDisplay(), c.relationship() == null ? "" : c.relationship(),
                c.previousAddress() == null ? "" : c.previousAddress());
    }

    private List<Procedure> moveInProcedure() {
        return procedures.all().stream().filter(p -> MoveInPages.MOVE_IN.equals(p.code())).toList();
    }

    private static String answersUrl(ReceptionNumber n) {
        return "/kiosk/move-in/" + n.value() + "/answers";
    }

    private static HttpResponse<?> expired() {
        return HttpResponse.notFound(new ModelAndView<>("kiosk/expired", Map.of()));
    }

    private static KioskDevice device(Authentication authentication) {
        return KioskDevice.of(authentication).orElseThrow(() -> new IllegalStateException("記載台として登録されていません"));
    }
}
