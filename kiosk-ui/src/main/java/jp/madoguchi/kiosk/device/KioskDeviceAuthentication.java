package jp.madoguchi.kiosk.device;

import java.net.InetSocketAddress;
import java.util.Optional;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ManageTerminalsUseCase;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.reactivestreams.Publisher;

/**
 * On kiosk pages, the browser is authenticated by its kiosk cookie, ahead of any staff login: a kiosk page sees a
 * kiosk, never a member of staff. The terminal must still be in force. In the demo, a browser on the server's own
 * PC without the cookie is the demo kiosk, so {@code ./madoguchi run} works at once.
 */
@Singleton
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class KioskDeviceAuthentication implements AuthenticationFetcher<HttpRequest<?>> {

    private final KioskDeviceCookie cookie;
    private final ManageTerminalsUseCase terminals;
    private final LocalGovernmentCode city;
    private final boolean demoDevice;
    private final String demoTerminal;

    public KioskDeviceAuthentication(KioskDeviceCookie cookie, ManageTerminalsUseCase terminals,
                                     Installation installation,
                                     @Property(name = "madoguchi.kiosk.demo-device") java.util.Optional<Boolean> demoDevice,
                                     @Property(name = "madoguchi.demo.enabled", defaultValue = "false") boolean demo,
                                     @Property(name = "madoguchi.kiosk.terminal-id", defaultValue = "KIOSK-01") String demoTerminal) {
        this.cookie = cookie;
        this.terminals = terminals;
        this.city = installation.city();
        // the demo kiosk exists only in the demo, whatever the setting says
        this.demoDevice = demo && demoDevice.orElse(true);
        this.demoTerminal = demoTerminal;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String path = request.getPath();
        if (!path.startsWith("/kiosk") || path.startsWith(KioskDeviceController.PATH)) {
            return Publishers.empty();
        }
        return device(request).map(d -> Publishers.just(d.authentication())).orElseGet(Publishers::empty);
    }

    Optional<KioskDevice> device(HttpRequest<?> request) {
        Optional<KioskDeviceCookie.Enrolment> registered = request.getCookies().findCookie(KioskDeviceCookie.NAME)
                .map(Cookie::getValue).flatMap(cookie::enrolment);
        if (registered.isPresent()) {
            // that very registration: a terminal paired again makes the earlier cookie worthless
            return terminals.activeTerminal(city, registered.get().terminalId())
                    .filter(t -> t.registeredAt().toEpochMilli() == registered.get().enrolledAtMillis())
                    .map(t -> new KioskDevice(t.terminalId(), t.label()));
        }
        if (demoDevice && fromThisComputer(request)) {
            return Optional.of(new KioskDevice(demoTerminal, "デモ（このPC）"));
        }
        return Optional.empty();
    }

    /**
     * A browser on the server itself: a loopback peer that is not a proxy passing on someone else's request (a reverse
     * proxy on the same machine connects from loopback too, but says whom it forwards).
     */
    private static boolean fromThisComputer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        boolean forwarded = request.getHeaders().contains("Forwarded") || request.getHeaders().contains("X-Forwarded-For")
                || request.getHeaders().contains("X-Real-IP");
        return !forwarded && remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    @Override
    public int getOrder() {
        return -100;   // before the staff login cookie (order 0)
    }
}
