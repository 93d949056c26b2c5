package jp.madoguchi.staff.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.FindReceptionsUseCase;
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

    @Get
    @View("staff/queue")
    @Header(name = "Cache-Control", value = "no-store")
    public Map<String, Object> queue(Authentication authentication) {
        return Map.of(
                "staffName", StaffPrincipal.displayName(authentication),
                // a member of one 担当課 sees that department's receptions (回付 moves a visit to another's list)
                "receptions", receptions.today(StaffPrincipal.city(authentication)).stream()
                        .filter(r -> StaffPrincipal.serves(authentication, r.departmentCode()))
                        .map(r -> Map.of(
                                "number", r.number().value(),
                                "callNumber", r.number().callNumber(),
                                "time", TIME.format(r.openedAt().atZone(zone)),
                                "channel", r.channel().label(),
                                "procedures", String.join("・", r.procedures()),
                                "state", r.state().label(),
                                "department", r.department(),
                                "resident", r.residentName()))
                        .toList());
    }
}
