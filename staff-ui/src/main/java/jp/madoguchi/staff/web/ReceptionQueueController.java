package jp.madoguchi.staff.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.FindReceptionsUseCase;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.staff.security.StaffPrincipal;
import jp.madoguchi.staff.security.Permissions;

/** 受付一覧: today's visits of the clerk's city, newest first. */
@Controller("/staff")
@Secured({Permissions.RECEPTION})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class ReceptionQueueController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final FindReceptionsUseCase receptions;
    private final ZoneId zone;

    public ReceptionQueueController(FindReceptionsUseCase receptions,
                                    Installation installation) {
        this.receptions = receptions;
        this.zone = installation.zone();
    }

    /** The page {@code staff/queue}: today's receptions the member serves, newest first. */
    @Introspected
    public record QueuePage(String staffName, List<Row> receptions, String notice) {

        public record Row(String number, int callNumber, String time, String channel, String procedures, String state,
                          String department, String resident) {
        }
    }

    @Get
    @View("staff/queue")
    @Header(name = "Cache-Control", value = "no-store")
    public QueuePage queue(Authentication authentication, @io.micronaut.core.annotation.Nullable
                           @io.micronaut.http.annotation.QueryValue String notice) {
        Operator member = StaffPrincipal.operator(authentication);
        return new QueuePage(member.displayName(), receptions.today(StaffPrincipal.city(authentication)).stream()
                // a member of one 担当課 sees that department's receptions (回付 moves a visit to another's list)
                .filter(r -> member.serves(r.departmentCode()))
                .map(r -> new QueuePage.Row(r.number().value(), r.number().callNumber(),
                        TIME.format(r.openedAt().atZone(zone)), r.channel().label(), String.join("・", r.procedures()),
                        r.state().label(), r.department(), r.residentName()))
                .toList(), notice);
    }
}
