package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jp.madoguchi.application.port.in.StartReceptionUseCase;
import jp.madoguchi.application.port.in.StartReceptionUseCase.StartReceptionCommand;
import jp.madoguchi.domain.reception.Channel;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 窓口で受付: a citizen who comes straight to the counter, without the kiosk or a pre-entry, gets a visit of the
 * chosen procedures; the clerk then identifies them on the visit's page (card, 宛名番号) as for any other visit.
 */
@Controller("/staff/walk-in")
@Secured({Permissions.RECEPTION})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class WalkInController {

    private final StartReceptionUseCase start;

    public WalkInController(StartReceptionUseCase start) {
        this.start = start;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> open(Authentication authentication, @Body Map<String, Object> posted) {
        List<String> procedures = values(posted.get("procedure"));
        if (procedures.isEmpty()) {
            return list("failure", "窓口で受付するには、手続を1つ以上選んでください");
        }
        Operator clerk = StaffPrincipal.operator(authentication);
        Reception reception;
        try {
            reception = start.start(new StartReceptionCommand(StaffPrincipal.city(authentication), Channel.COUNTER,
                    null, procedures, clerk));
        } catch (Rejection e) {
            return list("failure", e.getMessage());
        }
        String notice = "窓口で受付しました（" + reception.number().callNumber() + "番）。本人確認をしてください";
        // a visit for another 担当課 waits there: this clerk is sent back to the list, told where it went
        return clerk.serves(reception.department().code())
                ? HttpResponse.seeOther(URI.create("/staff/receptions/" + reception.number().value() + "?notice="
                        + URLEncoder.encode(notice, StandardCharsets.UTF_8)))
                : list("notice", "窓口で受付しました（" + reception.number().callNumber() + "番、"
                        + reception.department().name() + "でお待ちいただきます）");
    }

    private static List<String> values(Object posted) {
        if (posted instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).filter(v -> !v.isBlank()).toList();
        }
        return posted == null || String.valueOf(posted).isBlank() ? List.of() : List.of(String.valueOf(posted));
    }

    private static HttpResponse<?> list(String kind, String message) {
        return HttpResponse.seeOther(URI.create("/staff?" + kind + "=" + URLEncoder.encode(message, StandardCharsets.UTF_8)));
    }
}
