package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
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

    /** The page {@code admin/terminals}: the paired terminals, and once only the token of the one just paired. */
    @Introspected
    public record TerminalsPage(String staffName, String notice, String error, Paired paired, List<Row> rows) {
    }

    /** The terminal just paired: its token is shown on this one page and never again. */
    public record Paired(String terminalId, String token, String server) {
        @Override
        public String toString() {
            return "Paired[" + terminalId + ", token=****]";
        }
    }

    public record Row(String id, String label, String registeredAt, String registeredBy, boolean active, String state) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<TerminalsPage> list(Authentication authentication, @Nullable @QueryValue String notice) {
        return page(authentication, notice, null, null);
    }

    @Post("/pair")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<TerminalsPage> pair(Authentication authentication, @Nullable String terminalId, @Nullable String label,
                                                 io.micronaut.http.HttpRequest<?> request) {
        try {
            ManageTerminalsUseCase.Pairing pairing = terminals.pair(StaffPrincipal.city(authentication), terminalId, label,
                    StaffPrincipal.operator(authentication));
            String host = request.getHeaders().get("Host");
            return page(authentication, null, null, new Paired(pairing.terminalId(), pairing.token(),
                    host == null ? "https://madoguchi.example" : "http://" + host));
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

    private ModelAndView<TerminalsPage> page(Authentication authentication, String notice, String error, Paired paired) {
        return new ModelAndView<>("admin/terminals", new TerminalsPage(StaffPrincipal.displayName(authentication), notice,
                error, paired, terminals.terminals(StaffPrincipal.city(authentication)).stream().map(this::row).toList()));
    }

    private Row row(PairedTerminal t) {
        return new Row(t.terminalId(), t.label(), WHEN.format(t.registeredAt().atZone(zone)), t.registeredBy(), t.active(),
                t.active() ? "使用中" : "取消（" + WHEN.format(t.revokedAt().atZone(zone)) + "）");
    }
}
