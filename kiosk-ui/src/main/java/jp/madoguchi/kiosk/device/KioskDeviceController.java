package jp.madoguchi.kiosk.device;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ManageTerminalsUseCase;
import jp.madoguchi.application.port.out.PairedTerminal;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * 記載台の登録: on the kiosk PC, the administrator types the terminal ID and the pairing token that 端末の登録 showed,
 * and this browser becomes that kiosk (a signed cookie). Withdrawing the terminal on 端末の登録 ends it.
 */
@Controller(KioskDeviceController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class KioskDeviceController {

    static final String PATH = "/kiosk/device";
    private final ManageTerminalsUseCase terminals;
    private final KioskDeviceCookie cookie;
    private final LocalGovernmentCode city;
    /** How long a kiosk stays registered in its browser before it must be paired again (the city sets it). */
    private final Duration lifetime;
    private final boolean secureCookies;
    /** The client's address for the access history: forwarded headers count only from a listed reverse proxy. */
    private final HttpClientAddressResolver addresses;

    public KioskDeviceController(ManageTerminalsUseCase terminals, KioskDeviceCookie cookie, Installation installation,
                                 HttpClientAddressResolver addresses,
                                 @io.micronaut.context.annotation.Property(name = "madoguchi.kiosk.registration-lifetime",
                                         defaultValue = "365d") Duration lifetime,
                                 @io.micronaut.context.annotation.Property(name = "madoguchi.security.secure-cookies",
                                         defaultValue = "false") boolean secureCookies) {
        this.terminals = terminals;
        this.cookie = cookie;
        this.city = installation.city();
        this.addresses = addresses;
        this.lifetime = lifetime;
        this.secureCookies = secureCookies;
    }

    @Get
    public ModelAndView<DevicePage> form() {
        return page("", "", "");
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> register(HttpRequest<?> request, @Nullable String terminalId, @Nullable String token) {
        String from = addresses.resolve(request);
        Optional<PairedTerminal> enrolled = terminals.enrolKiosk(city, terminalId, token, from);
        if (enrolled.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(page(terminalId == null ? "" : terminalId,
                    "端末IDとペアリングトークンの組み合わせが正しくないか、この端末の登録は取り消されています。"
                            + "管理者の「端末の登録」画面で確認してください。", ""));
        }
        return HttpResponse.seeOther(URI.create("/kiosk"))
                .cookie(Cookie.of(KioskDeviceCookie.NAME, cookie.value(enrolled.get().terminalId(), enrolled.get().registeredAt()))
                        .path("/kiosk").httpOnly(true).sameSite(SameSite.Strict).maxAge(lifetime)
                        .secure(secureCookies || request.isSecure()));
    }

    /** 記載台の登録: the terminal id typed (never the token), and why it was refused. */
    @Introspected
    public record DevicePage(String terminalId, String error, String notice) {
    }

    private static ModelAndView<DevicePage> page(String terminalId, String error, String notice) {
        return new ModelAndView<>("kiosk/device", new DevicePage(terminalId, error, notice));
    }
}
