package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.ManageTerminalsUseCase;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.out.PairedTerminal;
import jp.madoguchi.staff.security.StaffPrincipal;
import jp.madoguchi.staff.security.Permissions;

/**
 * 端末の登録: administrators pair the kiosk and counter PCs whose terminal agents may read cards, see the token once
 * with the command to start the agent, and withdraw a PC that was lost or replaced.
 */
@Controller("/admin/terminals")
@Secured({Permissions.TERMINALS})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class TerminalsController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private final ManageTerminalsUseCase terminals;
    private final ZoneId zone;

    public TerminalsController(ManageTerminalsUseCase terminals, Clock clock) {
        this.terminals = terminals;
        this.zone = clock.getZone();
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> list(Authentication authentication, @Nullable @QueryValue String notice) {
        return page(authentication, notice, null, null);
    }

    @Post("/pair")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> pair(Authentication authentication, @Nullable String terminalId, @Nullable String label,
                                                 io.micronaut.http.HttpRequest<?> request) {
        try {
            ManageTerminalsUseCase.Pairing pairing = terminals.pair(StaffPrincipal.city(authentication), terminalId, label,
                    StaffPrincipal.operator(authentication));
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("terminalId", pairing.terminalId());
            shown.put("token", pairing.token());
            String host = request.getHeaders().get("Host");
            shown.put("server", (host == null ? "https://madoguchi.example" : "http://" + host));
            return page(authentication, null, null, shown);
        } catch (IllegalArgumentException e) {
            return page(authentication, null, ScreenMessage.of(e), null);
        }
    }

    @Post("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> revoke(Authentication authentication, String terminalId) {
        boolean revoked = terminals.revoke(StaffPrincipal.city(authentication), terminalId, StaffPrincipal.operator(authentication));
        String notice = revoked ? "端末 " + terminalId + " の登録を取り消しました。この端末ではカードを読み取れません。"
                : "端末 " + terminalId + " は登録されていないか、取り消し済みです。";
        return HttpResponse.seeOther(URI.create("/admin/terminals?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8)));
    }

    private ModelAndView<Map<String, Object>> page(Authentication authentication, String notice, String error,
                                                   Map<String, Object> paired) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("staffName", StaffPrincipal.displayName(authentication));
        model.put("notice", notice);
        model.put("error", error);
        model.put("paired", paired);
        model.put("rows", terminals.terminals(StaffPrincipal.city(authentication)).stream().map(this::row).toList());
        return new ModelAndView<>("admin/terminals", model);
    }

    private Map<String, Object> row(PairedTerminal t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", t.terminalId());
        row.put("label", t.label());
        row.put("registeredAt", WHEN.format(t.registeredAt().atZone(zone)));
        row.put("registeredBy", t.registeredBy());
        row.put("active", t.active());
        row.put("state", t.active() ? "使用中" : "取消（" + WHEN.format(t.revokedAt().atZone(zone)) + "）");
        return row;
    }
}
