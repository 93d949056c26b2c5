package jp.madoguchi.staff.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The response headers a ZAP baseline scan looks for, on every response: a strict content security policy (only
 * our own scripts and styles, no framing, forms only to us; the one outside address allowed is the terminal agent
 * on the PC's loopback, which the kiosk and counter pages call for the card reader and the scanner), no MIME
 * sniffing, no referrer to other sites (a URL may hold a 受付番号) and {@code Cache-Control: no-store} on everything but the
 * static assets, since nearly every page shows personal data and a shared counter PC must not keep it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

    private final String contentSecurityPolicy;
    /** Production (HTTPS here or at the proxy in front): browsers keep to HTTPS for a year (HSTS). */
    private final boolean strictTransport;

    public SecurityHeadersFilter(@Property(name = "madoguchi.kiosk.agent-url", defaultValue = "") String agentUrl,
                                 @Property(name = "madoguchi.terminal-agent.port", defaultValue = "47110") int agentPort,
                                 @Property(name = "madoguchi.security.secure-cookies", defaultValue = "false") boolean production) {
        this.strictTransport = production;
        String agent = agentUrl.isBlank() ? "http://127.0.0.1:" + agentPort : agentUrl.strip();
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + agent + "; font-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", contentSecurityPolicy);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: with no-referrer Chrome sends "Origin: null" on form posts, which
        // the CORS filter rightly refuses; other sites still get no referrer to other sites (a URL may hold a 受付番号)
        response.header("Referrer-Policy", "same-origin");
        response.header("Cross-Origin-Opener-Policy", "same-origin");
        response.header("Cross-Origin-Resource-Policy", "same-origin");
        response.header("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=()");
        if (strictTransport || request.isSecure()) {
            response.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (StaticAssets.requested(request)) {
            response.header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
        } else {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
            response.header("Pragma", "no-cache");
        }
    }
}
