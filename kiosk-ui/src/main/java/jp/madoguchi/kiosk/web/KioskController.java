package jp.madoguchi.kiosk.web;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.CallStaffUseCase;
import jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.CardIdentification;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.TerminalChallenge;
import jp.madoguchi.application.port.in.HoldKioskVisitUseCase;
import jp.madoguchi.application.port.in.HoldKioskVisitUseCase.KioskVisit;
import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase;
import jp.madoguchi.application.port.in.KioskHearingUseCase.ReviewRow;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.in.StartReceptionUseCase;
import jp.madoguchi.application.port.in.VisitLanguageUseCase;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.Procedure;
import jp.madoguchi.domain.procedure.Suggestion;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.kiosk.language.CitizenLanguageResolver;
import jp.madoguchi.kiosk.language.CitizenMessageSource;
import jp.madoguchi.kiosk.device.KioskDevice;
import io.micronaut.security.authentication.Authentication;

/**
 * 記載台: the citizen chooses what they came for, identifies with the My Number Card, confirms, and takes a
 * reception slip. They write nothing.
 */
@Controller("/kiosk")
@Secured(KioskDevice.ROLE)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class KioskController {

    private static final String CARD = "マイナンバーカード";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final ListProceduresUseCase procedures;
    private final IdentifyResidentByCardUseCase identify;
    private final StartReceptionUseCase startReception;
    private final IssueReceptionSlipUseCase slips;
    private final HoldKioskVisitUseCase visits;
    private final MoveInPages moveIns;
    private final HearingPages hearing;
    private final KioskSlipPrinter slipPrinter;
    private final KioskEvents events;
    private final DetermineRelatedProceduresUseCase related;
    private final CallStaffUseCase callStaff;
    private final String agentUrl;
    private final LocalGovernmentCode city;
    private final ZoneId zone;

    private final VisitLanguageUseCase visitLanguage;
    private final CitizenMessageSource messages;

    public KioskController(ListProceduresUseCase procedures, IdentifyResidentByCardUseCase identify,
                           StartReceptionUseCase startReception, IssueReceptionSlipUseCase slips, HoldKioskVisitUseCase visits,
                           MoveInPages moveIns, HearingPages hearing, KioskSlipPrinter slipPrinter,
                           KioskEvents events, DetermineRelatedProceduresUseCase related, CallStaffUseCase callStaff,
                           VisitLanguageUseCase visitLanguage, CitizenMessageSource messages,
                           @Property(name = "madoguchi.kiosk.agent-url", defaultValue = "") String agentUrl,
                           @Property(name = "madoguchi.terminal-agent.port", defaultValue = "47110") int agentPort,
                           Installation installation) {
        this.procedures = procedures;
        this.identify = identify;
        this.startReception = startReception;
        this.slips = slips;
        this.visits = visits;
        this.moveIns = moveIns;
        this.hearing = hearing;
        this.slipPrinter = slipPrinter;
        this.events = events;
        this.related = related;
        this.callStaff = callStaff;
        this.visitLanguage = visitLanguage;
        this.messages = messages;
        this.agentUrl = agentUrl.isBlank() ? "http://127.0.0.1:" + agentPort : agentUrl.strip();
        this.city = installation.city();
        this.zone = installation.zone();
    }

    /** ご用件を選ぶ. */
    @Get
    @View("kiosk/home")
    public KioskPages.HomePage home() {
        List<Procedure> all = procedures.all();
        return new KioskPages.HomePage(all.stream().filter(p -> p.lifeEvent() == LifeEvent.CERTIFICATE).toList(),
                all.stream().filter(p -> p.lifeEvent() != LifeEvent.CERTIFICATE).toList(), events.offered());
    }

    /**
     * マイナンバーカードで本人確認: the page reads the card through the terminal agent on this PC. Started from a life
     * event, the event's notification opens the visit and its related procedures are suggested after the card.
     */
    @Get("/identify")
    public ModelAndView<?> identifyPage(@QueryValue String procedure, @Nullable @QueryValue String event) {
        return identifyView(procedure, event, null);
    }

    /**
     * A challenge for the terminal agent that sits next to this kiosk's reader; the page asks the agent for its
     * terminal id first.
     */
    @Post(value = "/identify/challenge", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> challenge(Authentication authentication, String procedure, @Nullable String terminal) {
        Procedure chosen = procedure(procedure);
        KioskDevice kiosk = device(authentication);
        if (!readerBelongsTo(kiosk, terminal)) {
            return Map.of("ok", false, "message", otherReader(kiosk));
        }
        TerminalChallenge challenge = identify.challenge(new IdentifyResidentByCardUseCase.ChallengeCommand(city,
                terminal == null ? "" : terminal, List.of(chosen.code()), true));
        if (challenge instanceof TerminalChallenge.Issued issued) {
            return Map.of("ok", true, "challenge", issued.challenge());
        }
        return Map.of("ok", false, "message", ((TerminalChallenge.Refused) challenge).message());
    }

    /** The agent's sealed reading arrives here; the PIN never does. */
    @Post(value = "/identify", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public Object identify(Authentication authentication, @Body Map<String, Object> posted) {
        PostedForm form = new PostedForm(posted);
        String procedure = form.value("procedure");
        String event = form.value("event");
        String terminal = form.value("terminal");
        String reading = form.value("reading");
        Procedure chosen = procedure(procedure);
        KioskDevice device = device(authentication);
        if (!readerBelongsTo(device, terminal)) {
            return identifyView(procedure, event, otherReader(device));
        }
        Operator kiosk = device.operator();
        CardIdentification result = identify.identify(new IdentifyResidentByCardUseCase.IdentifyByCardCommand(city,
                terminal, reading, kiosk));
        if (result instanceof CardIdentification.Failed failed) {
            return identifyView(procedure, event, failed.message());
        }
        CardIdentification.Identified identified = (CardIdentification.Identified) result;
        if (MoveInPages.MOVE_IN.equals(chosen.code())) {
            return moveIns.special(identified, kiosk);
        }
        Resident resident = identified.exactMatch().orElse(null);
        if (resident == null && identified.candidates().isEmpty()) {
            return new ModelAndView<>("kiosk/not-found", new KioskPages.NotFoundPage(chosen));
        }
        if (resident == null) {
            // close but not exact (a moved address, a changed name, 異体字): the clerk compares card and registry
            var face = identified.face();
            String visit = visits.open(city, new KioskVisit(device.terminalId(), null, face, List.of(chosen.code())));
            return new ModelAndView<>("kiosk/confirm", new KioskPages.ConfirmPage(List.of(chosen.name()), true, visit, List.of(
                    new ReviewRow("氏名", face.name(), CARD), new ReviewRow("住所", face.address(), CARD),
                    new ReviewRow("生年月日", face.birthDate(), CARD)), List.of()));
        }
        String visit = visits.open(city, new KioskVisit(device.terminalId(), resident.addresseeNumber(), null,
                List.of(chosen.code()), identified.face().document()));
        Optional<LifeEvent> lifeEvent = events.event(event);
        if (lifeEvent.isPresent()) {
            return relatedView(lifeEvent.get(), resident.addresseeNumber(), visit, kiosk, null);
        }
        return hearing.start(List.of(chosen), resident.addresseeNumber(), visit, kiosk);
    }

    /** 関係する手続を選ぶ: the ticked procedures become the visit's; their questions follow, each once. */
    @Post(value = "/related", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public Object chooseRelated(Authentication authentication, @Body Map<String, Object> posted) {
        KioskDevice kiosk = device(authentication);
        PostedForm form = new PostedForm(posted);
        String token = form.value("visit");
        Optional<KioskVisit> held = visits.find(city, token, kiosk.terminalId()).filter(v -> v.resident() != null);
        if (held.isEmpty()) {
            return new ModelAndView<>("kiosk/expired", Map.of());
        }
        List<Procedure> ticked = form.values("procedure").stream().distinct()
                .map(code -> events.any(code).orElseThrow(() -> new Rejection("kiosk.procedure-unknown",
                        "選ばれた手続が見つかりません。最初からやり直してください。"))).toList();
        LifeEvent event = events.event(form.value("event")).orElseThrow(() -> new Rejection("kiosk.event-unknown",
                "選ばれたできごとが見つかりません。最初からやり直してください。"));
        if (ticked.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(relatedView(event, held.get().resident(), token,
                    kiosk.operator(), "手続を1つ以上選んでください。わからないときは、そのまま窓口でご相談ください。"));
        }
        // only what the page offered: the event's notification (the visit's first procedure) and what the rules suggest
        String starting = held.get().procedures().get(0);
        if (events.startingProcedure(event).filter(p -> p.code().equals(starting)).isEmpty()) {
            throw new Rejection("kiosk.event-mismatch", "選ばれたできごとが受付と合いません。最初からやり直してください。");
        }
        // what the page offered is kept with the visit: the choice is checked there, the rules do not run again
        if (!visits.choose(city, token, kiosk.terminalId(), ticked.stream().map(Procedure::code).toList())) {
            return new ModelAndView<>("kiosk/expired", Map.of());
        }
        return hearing.start(ticked, held.get().resident(), token, kiosk.operator());
    }

    private ModelAndView<KioskPages.RelatedPage> relatedView(LifeEvent event, AddresseeNumber resident, String visit,
                                                             Operator kiosk, String error) {
        Map<String, List<Suggestion>> byProcedure = new LinkedHashMap<>();
        events.startingProcedure(event).ifPresent(p -> byProcedure.put(p.code(), new ArrayList<>()));
        for (Suggestion s : related.suggest(city, resident, event, kiosk)) {
            byProcedure.computeIfAbsent(s.procedureCode(), c -> new ArrayList<>()).add(s);
        }
        List<KioskPages.RelatedChoice> choices = new ArrayList<>();
        byProcedure.forEach((code, suggestions) -> events.any(code)
                .ifPresent(p -> choices.add(KioskPages.RelatedChoice.of(p, suggestions, events.words(event)))));
        visits.offer(city, visit, kiosk.id(), choices.stream().map(KioskPages.RelatedChoice::code).toList());
        return new ModelAndView<>("kiosk/related", new KioskPages.RelatedPage(events.words(event), event.name(), visit,
                choices, error));
    }

    /** 聞き取りの回答: the confirmation with every value and its source, or the questions again. */
    @Post(value = "/answers", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> answers(Authentication authentication, @Body Map<String, Object> posted) {
        KioskDevice kiosk = device(authentication);
        String token = new PostedForm(posted).value("visit");
        return visits.find(city, token, kiosk.terminalId())
                .filter(v -> v.resident() != null)
                .<HttpResponse<?>>map(v -> posted.containsKey("edit")
                        ? hearing.edit(procedures(v), v.resident(), token, KioskAnswers.from(posted).values())
                        : hearing.answered(procedures(v), v.resident(), token,
                                KioskAnswers.from(posted).values(), kiosk.operator()))
                .orElseGet(() -> HttpResponse.ok(new ModelAndView<>("kiosk/expired", Map.of())));
    }

    /** 受付する: opens the visit and shows the slip. */
    @Post(value = "/receptions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> receive(HttpRequest<?> request, Authentication authentication, @Body Map<String, Object> posted) {
        KioskDevice kiosk = device(authentication);
        String visit = new PostedForm(posted).value("visit");
        return visits.close(city, visit, kiosk.terminalId())
                .<HttpResponse<?>>map(v -> {
                    Reception reception = startReception.start(new StartReceptionUseCase.StartReceptionCommand(
                            city, Channel.KIOSK, v.resident(), v.procedures(), kiosk.operator(), v.card(), v.document()));
                    visitLanguage.choose(city, reception.number(), CitizenLanguageResolver.language(request));
                    if (v.resident() != null) {
                        hearing.keep(reception.number(), KioskAnswers.from(posted).values(), kiosk.operator());
                    }
                    visits.issued(city, kiosk.terminalId(), reception.number().value());
                    String printed = slipPrinter.print(reception.number(), kiosk.operator());
                    return HttpResponse.seeOther(URI.create("/kiosk/slip/" + reception.number().value() + printed));
                })
                .orElseGet(() -> HttpResponse.ok(new ModelAndView<>("kiosk/expired", Map.of())));
    }

    /**
     * カードをお持ちでない方: the visit is taken with the chosen procedure and nobody identified; the clerk checks an
     * ID document (運転免許証, 在留カード, パスポート …) at the counter, as for a walk-in.
     */
    @Post(value = "/receptions/without-card", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> receiveWithoutCard(HttpRequest<?> request, Authentication authentication,
                                              @Body Map<String, Object> posted) {
        KioskDevice kiosk = device(authentication);
        Procedure chosen = procedure(new PostedForm(posted).value("procedure"));
        Reception reception = startReception.start(new StartReceptionUseCase.StartReceptionCommand(city, Channel.KIOSK,
                null, List.of(chosen.code()), kiosk.operator()));
        visitLanguage.choose(city, reception.number(), CitizenLanguageResolver.language(request));
        visits.issued(city, kiosk.terminalId(), reception.number().value());
        String printed = slipPrinter.print(reception.number(), kiosk.operator());
        return HttpResponse.seeOther(URI.create("/kiosk/slip/" + reception.number().value() + printed));
    }

    /** 職員を呼ぶ: the staff lists show this kiosk until someone answers; the page says so in its live region. */
    @Post(value = "/help", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> callStaff(HttpRequest<?> request, Authentication authentication) {
        callStaff.call(city, device(authentication).operator());
        return Map.of("ok", true, "message", messages.getMessage("help.called",
                CitizenLanguageResolver.language(request).locale()).orElse("職員を呼びました。"));
    }

    /** 受付票. */
    @Get("/slip/{number}")
    public HttpResponse<?> slip(Authentication authentication, @PathVariable String number,
                                @Nullable @QueryValue String print) {
        ReceptionNumber receptionNumber;
        try {
            receptionNumber = ReceptionNumber.parse(number);
        } catch (IllegalArgumentException e) {
            return HttpResponse.notFound(new ModelAndView<>("kiosk/expired", Map.of()));
        }
        // only the kiosk that issued it, right after: a kiosk never shows another visit's reception
        if (!visits.mayShowSlip(city, device(authentication).terminalId(), receptionNumber.value())) {
            return HttpResponse.notFound(new ModelAndView<>("kiosk/expired", Map.of()));
        }
        return slips.slip(city, receptionNumber)
                .<HttpResponse<?>>map(s -> HttpResponse.ok(new ModelAndView<>("kiosk/slip", new KioskPages.SlipPage(
                        s.number().value(), s.callNumber(), TIME.format(s.openedAt().atZone(zone)), s.procedures(),
                        s.department(), s.counters(), s.waitingAhead(), s.estimatedWait(),
                        "data:image/png;base64," + Base64.getEncoder().encodeToString(s.qrPng()), print == null ? "" : print,
                        s.identified()))))
                .orElseGet(() -> HttpResponse.notFound(new ModelAndView<>("kiosk/expired", Map.of())));
    }

    private static KioskDevice device(Authentication authentication) {
        return KioskDevice.of(authentication).orElseThrow(() -> new IllegalStateException("記載台として登録されていません"));
    }

    /** The agent on this PC says which terminal its reader belongs to: it must be this kiosk's. */
    private static boolean readerBelongsTo(KioskDevice kiosk, String agentTerminal) {
        return agentTerminal == null || agentTerminal.isBlank() || agentTerminal.strip().equals(kiosk.terminalId());
    }

    private static String otherReader(KioskDevice kiosk) {
        return "このパソコンのカードリーダーは、この記載台（" + kiosk.terminalId() + "）に登録されたものではありません。職員にお声がけください。";
    }

    /** A mistake at the kiosk gets a plain page with a way back, never a stack trace. */
    @Error(exception = IllegalArgumentException.class)
    public HttpResponse<?> badInput(IllegalArgumentException e) {
        return HttpResponse.badRequest(new ModelAndView<>("kiosk/error", new KioskPages.MessagePage(ScreenMessage.of(e))));
    }

    private ModelAndView<KioskPages.IdentifyPage> identifyView(String procedure, String event, String error) {
        Optional<LifeEvent> lifeEvent = events.event(event);
        return new ModelAndView<>("kiosk/identify", new KioskPages.IdentifyPage(procedure(procedure), error, agentUrl,
                lifeEvent.map(LifeEvent::name).orElse(""), lifeEvent.map(events::words).orElse("")));
    }

    private Procedure procedure(String code) {
        return events.startable(code)
                .orElseThrow(() -> new Rejection("kiosk.procedure-unknown", "選ばれた手続が見つかりません。最初からやり直してください。"));
    }

    /** The visit's procedures, from the whole master: a related procedure need not be one the kiosk offers. */
    private List<Procedure> procedures(KioskVisit visit) {
        return visit.procedures().stream().map(code -> events.any(code).orElseThrow(() -> new Rejection(
                "kiosk.procedure-unknown", "選ばれた手続が見つかりません。最初からやり直してください。"))).toList();
    }
}
