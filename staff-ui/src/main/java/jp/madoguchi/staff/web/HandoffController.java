package jp.madoguchi.staff.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.DeliverHandoffUseCase;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.PreviewHandoffUseCase;
import jp.madoguchi.application.port.in.PullHandoffUseCase;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.application.port.out.HandoffOutbox.DeliveryStatus;
import jp.madoguchi.application.port.out.HandoffOutbox.State;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 基幹連携の出力: every record's delivery to each target (送信待ち, 送信済み with where and its checksum, 失敗 with the
 * reason and the next try), the values a visit lacked, and 再送 of one failed delivery or all of them.
 */
@Controller("/admin/handoff")
@Secured({Permissions.LINKAGE})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class HandoffController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final int SHOWN = 200;

    private final DeliverHandoffUseCase handoff;
    private final PullHandoffUseCase pull;
    private final PreviewHandoffUseCase previews;
    private final ZoneId zone;

    public HandoffController(DeliverHandoffUseCase handoff, PullHandoffUseCase pull, PreviewHandoffUseCase previews,
                             Installation installation) {
        this.handoff = handoff;
        this.pull = pull;
        this.previews = previews;
        this.zone = installation.zone();
    }

    /** The page: the deliveries in one state (or all), newest first, and how many are in each state. */
    @Introspected
    public record HandoffPage(String staffName, String notice, String error, String state, List<StateTab> states,
                              List<DeliveryRow> rows, List<ClientRow> clients, Issued issued, Preview preview) {
    }

    /** 出力の確認: a finished visit's records as the layouts in force write them now. */
    public record Preview(String number, List<PreviewRecord> records) {
    }

    public record PreviewRecord(String layout, String key, List<Cell> cells, String missing) {
    }

    public record Cell(String name, String value) {
    }

    /** A core system allowed to pull, with its cursor. */
    public record ClientRow(long id, String name, String createdAt, String createdBy, boolean active,
                            long acknowledgedThrough, String acknowledgedAt) {
    }

    /** A credential just issued: shown on this page once, never again. */
    public record Issued(String name, String token) {
    }

    /** The form that registers a core system as a pull client. */
    @io.micronaut.serde.annotation.Serdeable
    public record ClientForm(@Nullable String name) {
    }

    public record StateTab(String name, String label, boolean selected) {
    }

    public record DeliveryRow(long id, String reception, String layout, String key, String target, String state,
                              String stateLabel, int attempts, String error, String location, String sha256,
                              String queuedAt, String deliveredAt, String missing, boolean failed) {
    }

    @Get
    public ModelAndView<HandoffPage> list(Authentication authentication, @Nullable @QueryValue String state,
                                          @Nullable @QueryValue String notice) {
        return page(authentication, state, notice, null, null, null);
    }

    /** 出力の確認 for one finished visit: nothing is queued or sent. */
    @Get("/preview")
    public HttpResponse<?> preview(Authentication authentication, @Nullable @QueryValue String number) {
        try {
            ReceptionNumber reception = ReceptionNumber.parse(number == null ? "" : number.strip());
            List<PreviewRecord> records = previews.preview(StaffPrincipal.city(authentication), reception,
                    StaffPrincipal.operator(authentication)).stream().map(r -> new PreviewRecord(r.layout(), r.key(),
                    r.columns().entrySet().stream().map(e -> new Cell(e.getKey(), e.getValue())).toList(),
                    String.join("、", r.missing()))).toList();
            return HttpResponse.ok(page(authentication, null, null, null, null, new Preview(reception.value(), records)))
                    .header("Cache-Control", "no-store");
        } catch (IllegalArgumentException e) {
            return HttpResponse.unprocessableEntity().body(page(authentication, null, null,
                    jp.madoguchi.application.port.in.ScreenMessage.of(e), null, null));
        }
    }

    /** 連携先の登録: the credential is shown once, on the answer to this request (no-store), and kept only as a hash. */
    @Post(value = "/clients", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> issue(Authentication authentication, @io.micronaut.http.annotation.Body ClientForm form) {
        try {
            PullHandoffUseCase.IssuedClient issued = pull.issue(StaffPrincipal.city(authentication), form.name(),
                    StaffPrincipal.operator(authentication));
            return HttpResponse.ok(page(authentication, null, "連携先「" + issued.name() + "」を登録しました", null,
                    new Issued(issued.name(), issued.token()), null)).header("Cache-Control", "no-store");
        } catch (IllegalArgumentException e) {
            return HttpResponse.unprocessableEntity().body(page(authentication, null, null,
                    jp.madoguchi.application.port.in.ScreenMessage.of(e), null, null));
        }
    }

    @Post(value = "/clients/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> revoke(Authentication authentication, @Nullable Long id) {
        try {
            pull.revoke(StaffPrincipal.city(authentication), id == null ? -1 : id, StaffPrincipal.operator(authentication));
            return HttpResponse.seeOther(URI.create("/admin/handoff?notice=" + URLEncoder.encode(
                    "連携先 " + id + " の認証情報を取り消しました（以後の取得は断ります）", StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.unprocessableEntity().body(page(authentication, null, null,
                    jp.madoguchi.application.port.in.ScreenMessage.of(e), null, null));
        }
    }

    private ModelAndView<HandoffPage> page(Authentication authentication, String state, String notice, String error,
                                           Issued issued, Preview preview) {
        State filter = Arrays.stream(State.values()).filter(s -> s.name().equals(state)).findFirst().orElse(null);
        List<StateTab> tabs = new java.util.ArrayList<>();
        tabs.add(new StateTab("", "すべて", filter == null));
        for (State s : State.values()) {
            tabs.add(new StateTab(s.name(), s.label(), s == filter));
        }
        return new ModelAndView<>("admin/handoff", new HandoffPage(StaffPrincipal.displayName(authentication), notice,
                error, filter == null ? "" : filter.name(), tabs,
                handoff.deliveries(StaffPrincipal.city(authentication), filter, SHOWN).stream().map(this::row).toList(),
                pull.clients(StaffPrincipal.city(authentication)).stream().map(c -> new ClientRow(c.id(), c.name(),
                        WHEN.format(c.createdAt().atZone(zone)), c.createdBy(), c.active(), c.acknowledgedThrough(),
                        c.acknowledgedAt() == null ? "" : WHEN.format(c.acknowledgedAt().atZone(zone)))).toList(),
                issued, preview));
    }

    /** 再送: one failed delivery ({@code id}) or, without it, every failed one, due now. */
    @Post(value = "/resend", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> resend(Authentication authentication, @Nullable Long id) {
        int count = handoff.resend(StaffPrincipal.city(authentication), id, StaffPrincipal.operator(authentication));
        String notice = count == 0 ? "再送する失敗した送信はありませんでした" : count + " 件を再送に回しました（数秒のうちに送ります）";
        return HttpResponse.seeOther(URI.create("/admin/handoff?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8)));
    }

    private DeliveryRow row(DeliveryStatus d) {
        return new DeliveryRow(d.id(), d.reception().value(), d.layout(), d.key(),
                d.target().equals("folder") ? "RPAフォルダ" : d.target().equals("s3") ? "バケット" : d.target(),
                d.state().name(), d.state().label(), d.attempts(), d.lastError() == null ? "" : d.lastError(),
                d.location() == null ? "" : d.location(), d.sha256() == null ? "" : d.sha256().substring(0, Math.min(16, d.sha256().length())),
                WHEN.format(d.queuedAt().atZone(zone)), d.deliveredAt() == null ? "" : WHEN.format(d.deliveredAt().atZone(zone)),
                String.join("、", d.missing()), d.state() == State.FAILED);
    }
}
