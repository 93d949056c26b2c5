package jp.madoguchi.staff.web.statistics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.FindReceptionsUseCase;
import jp.madoguchi.application.port.in.FindReceptionsUseCase.ReceptionSearch;
import jp.madoguchi.application.port.in.FindReceptionsUseCase.ReceptionSummary;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;
import jp.madoguchi.staff.web.ReceptionInquiry;

/**
 * 受付情報照会 for supervisors: the visits of any days and conditions, without any personal data (no name, no link
 * into a visit); no resident is read to build it.
 */
@Controller("/staff/statistics/receptions")
@Secured({Permissions.STATISTICS})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class ReceptionInquiryController {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("M/d HH:mm");

    private final FindReceptionsUseCase receptions;
    private final ListProceduresUseCase catalogue;
    private final ZoneId zone;

    public ReceptionInquiryController(FindReceptionsUseCase receptions, ListProceduresUseCase catalogue,
                                      Installation installation) {
        this.receptions = receptions;
        this.catalogue = catalogue;
        this.zone = installation.zone();
    }

    /** The page {@code staff/inquiry}. */
    @Introspected
    public record InquiryPage(String staffName, List<Row> receptions, String error, boolean full, ReceptionInquiry inquiry,
                              List<ReceptionInquiry.Choice> states, List<ReceptionInquiry.Choice> procedures,
                              List<ReceptionInquiry.Choice> departments) {

        public record Row(String number, int callNumber, String time, String channel, String procedures, String state,
                          String department) {
        }
    }

    @Get
    @View("staff/inquiry")
    @Header(name = "Cache-Control", value = "no-store")
    public InquiryPage inquiry(Authentication authentication, @Nullable @QueryValue String from,
                               @Nullable @QueryValue String to, @Nullable @QueryValue String state,
                               @Nullable @QueryValue String procedure, @Nullable @QueryValue String department,
                               @Nullable @QueryValue String call, @Nullable @QueryValue String number) {
        ReceptionInquiry inquiry = new ReceptionInquiry(from, to, state, procedure, department, call, number, "");
        String error = null;
        List<ReceptionSummary> found = List.of();
        try {
            ReceptionSearch search = inquiry.search(LocalDate.now(zone));
            Optional<ReceptionNumber> one = inquiry.receptionNumber(StaffPrincipal.city(authentication));
            if (one.isPresent()) {
                // a number names a day and its call number
                search = new ReceptionSearch(one.get().day(), one.get().day(), null, null, null, one.get().callNumber(), null);
            }
            found = receptions.search(StaffPrincipal.city(authentication), search, StaffPrincipal.operator(authentication), false);
        } catch (Rejection e) {
            error = e.getMessage();
        }
        return new InquiryPage(StaffPrincipal.displayName(authentication), found.stream()
                .map(r -> new InquiryPage.Row(r.number().value(), r.number().callNumber(),
                        DAY_AND_TIME.format(r.openedAt().atZone(zone)), r.channel().label(), String.join("・", r.procedures()),
                        r.state().label(), r.department()))
                .toList(), error, found.size() >= FindReceptionsUseCase.SEARCH_LIMIT, inquiry, inquiry.states(),
                inquiry.procedures(catalogue), inquiry.departments(catalogue));
    }
}
