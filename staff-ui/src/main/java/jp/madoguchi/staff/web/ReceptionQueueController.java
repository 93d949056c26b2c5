package jp.madoguchi.staff.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.CallStaffUseCase;
import jp.madoguchi.application.port.in.CallVisitorsUseCase;
import jp.madoguchi.application.port.in.FindReceptionsUseCase;
import jp.madoguchi.application.port.in.FindReceptionsUseCase.ReceptionSummary;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.reception.ServiceCounter;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 受付一覧: today's visits of the clerk's city, newest first; and 受付情報照会, the same list for any days and
 * conditions. A reception number or a slip's QR read into the search opens that visit.
 */
@Controller("/staff")
@Secured({Permissions.RECEPTION})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class ReceptionQueueController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("M/d HH:mm");

    private final FindReceptionsUseCase receptions;
    private final ListProceduresUseCase catalogue;
    private final CallVisitorsUseCase calling;
    private final SlipCodes slips;
    private final CallStaffUseCase helpCalls;
    private final ZoneId zone;

    public ReceptionQueueController(FindReceptionsUseCase receptions, ListProceduresUseCase catalogue,
                                    CallVisitorsUseCase calling, SlipCodes slips, CallStaffUseCase helpCalls,
                                    Installation installation) {
        this.receptions = receptions;
        this.helpCalls = helpCalls;
        this.slips = slips;
        this.calling = calling;
        this.catalogue = catalogue;
        this.zone = installation.zone();
    }

    /**
     * The page {@code staff/queue}: today's receptions the member serves, newest first, or those the search found.
     *
     * @param searched whether the list is a search's answer; {@code full} when it stopped at the limit
     */
    @Introspected
    public record QueuePage(String staffName, List<Row> receptions, String notice, String error, boolean searched,
                            boolean full, ReceptionInquiry inquiry, List<ReceptionInquiry.Choice> states,
                            List<ReceptionInquiry.Choice> procedures, List<ReceptionInquiry.Choice> departments,
                            Calling calling, List<HelpCall> helpCalls) {

        /** 職員を呼ぶ: a kiosk whose citizen asked for help, since when (HH:mm). */
        public record HelpCall(String terminalId, String place, String since) {
        }

        public record Row(String number, int callNumber, String time, String channel, String procedures, String state,
                          String department, String resident, String calling) {
        }

        /**
         * The 呼出 panel: the counters the member may call to (this browser's chosen), the number the chosen one
         * called last ({@code null}: none shown), and how many wait at its department uncalled.
         */
        public record Calling(List<ReceptionInquiry.Choice> counters, String calledNow, int waiting) {
        }
    }

    @Get
    @Header(name = "Cache-Control", value = "no-store")
    public HttpResponse<?> queue(Authentication authentication, @Nullable @QueryValue String notice,
                                 @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                 @Nullable @QueryValue String state, @Nullable @QueryValue String procedure,
                                 @Nullable @QueryValue String department, @Nullable @QueryValue String call,
                                 @Nullable @QueryValue String number, @Nullable @QueryValue String name,
                                 @Nullable @QueryValue String failure,
                                 @Nullable @CookieValue(CallController.COUNTER_COOKIE) String counter) {
        Operator member = StaffPrincipal.operator(authentication);
        ReceptionInquiry inquiry = new ReceptionInquiry(from, to, state, procedure, department, call, number, name);
        String error = failure;
        List<ReceptionSummary> found = List.of();
        try {
            if (SlipCodes.isPreEntry(inquiry.number())) {
                // a pre-entry code on the citizen's phone, read by the handheld scanner into the number field
                SlipCodes.Opening opening = slips.open(StaffPrincipal.city(authentication), inquiry.number(), member);
                if (opening instanceof SlipCodes.Opening.Visit visit) {
                    return HttpResponse.seeOther(URI.create(visit.path()));
                }
                throw new Rejection("reception.pre-entry-refused", ((SlipCodes.Opening.Refused) opening).message());
            }
            Optional<ReceptionNumber> one = inquiry.receptionNumber(StaffPrincipal.city(authentication));
            if (one.isPresent()) {
                return HttpResponse.seeOther(URI.create("/staff/receptions/" + one.get().value()));
            }
            found = inquiry.asked()
                    ? receptions.search(StaffPrincipal.city(authentication), inquiry.search(LocalDate.now(zone)), member, true)
                    : receptions.today(StaffPrincipal.city(authentication));
        } catch (Rejection e) {
            error = e.getMessage();
        }
        DateTimeFormatter time = inquiry.asked() ? DAY_AND_TIME : TIME;
        List<QueuePage.Row> rows = found.stream()
                // a member of one 担当課 sees that department's receptions (回付 moves a visit to another's list)
                .filter(r -> member.serves(r.departmentCode()))
                .map(r -> new QueuePage.Row(r.number().value(), r.number().callNumber(),
                        time.format(r.openedAt().atZone(zone)), r.channel().label(), String.join("・", r.procedures()),
                        r.state().label(), r.department(), r.residentName(), r.calling()))
                .toList();
        return HttpResponse.ok(new ModelAndView<>("staff/queue", new QueuePage(member.displayName(), rows, notice, error,
                inquiry.asked(), inquiry.asked() && found.size() >= FindReceptionsUseCase.SEARCH_LIMIT, inquiry,
                inquiry.states(), inquiry.procedures(catalogue), inquiry.departments(catalogue),
                callingPanel(StaffPrincipal.city(authentication), member, counter),
                helpCalls.waiting(StaffPrincipal.city(authentication)).stream()
                        .map(c -> new QueuePage.HelpCall(c.terminalId(), c.place(), TIME.format(c.calledAt().atZone(zone))))
                        .toList())));
    }

    /** 対応しました: the call disappears from every list; a call someone else answered first is said so. */
    @Post(value = "/kiosk-help/{terminal}/answered", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> answered(Authentication authentication, @PathVariable String terminal) {
        boolean mine = helpCalls.answer(StaffPrincipal.city(authentication), terminal, StaffPrincipal.operator(authentication));
        String notice = mine ? "記載台 " + terminal + " の呼出に対応しました" : "記載台 " + terminal + " の呼出には、ほかの職員が対応済みです";
        return HttpResponse.seeOther(URI.create("/staff?notice=" + java.net.URLEncoder.encode(notice, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Without a counter chosen on this browser, the panel offers one of the department where most wait. */
    private QueuePage.Calling callingPanel(LocalGovernmentCode city, Operator member, String chosen) {
        CallVisitorsUseCase.CallBoard board = calling.board(city);
        String busiest = board.waiting().stream().filter(w -> member.serves(w.departmentCode()))
                .max(java.util.Comparator.comparingInt(CallVisitorsUseCase.Waiting::visits))
                .map(CallVisitorsUseCase.Waiting::departmentCode).orElse(null);
        List<ReceptionInquiry.Choice> counters = CallController.counterChoices(calling, city, member, chosen, busiest, false);
        Optional<ServiceCounter> selected = counters.stream().filter(ReceptionInquiry.Choice::selected).findFirst()
                .flatMap(c -> calling.counters(city).stream().filter(s -> s.code().equals(c.value())).findFirst());
        if (selected.isEmpty()) {
            return new QueuePage.Calling(counters, null, 0);
        }
        String now = board.at(selected.get().code()).map(c -> c.callNumber() + "番").orElse(null);
        int waiting = board.waiting().stream().filter(w -> w.departmentCode().equals(selected.get().department().code()))
                .mapToInt(CallVisitorsUseCase.Waiting::visits).sum();
        return new QueuePage.Calling(counters, now, waiting);
    }
}
