package jp.madoguchi.staff.security;

import java.time.Duration;
import java.util.Date;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

/**
 * The login cookie: a signed JWT in an HttpOnly, SameSite=Strict cookie that lives for the idle timeout and is
 * renewed while the member of staff keeps working. Server-side sessions are not available here; an idle counter
 * PC's token simply runs out.
 */
@Singleton
public class StaffSessions {

    /** Renew a token at most this often, not on every request. */
    private static final Duration RENEW_AFTER = Duration.ofMinutes(1);

    private final TokenGenerator tokens;
    private final AccessTokenCookieConfiguration cookies;
    private final HttpHostResolver hosts;
    private final Duration idleTimeout;
    /** Production: Secure whatever the request looked like (TLS may end at the reverse proxy in front). */
    private final boolean secureCookies;

    public StaffSessions(TokenGenerator tokens, AccessTokenCookieConfiguration cookies, HttpHostResolver hosts,
                         @Property(name = "madoguchi.security.idle-timeout", defaultValue = "30m") Duration idleTimeout,
                         @Property(name = "madoguchi.security.secure-cookies", defaultValue = "false") boolean secureCookies) {
        this.secureCookies = secureCookies;
        this.tokens = tokens;
        this.cookies = cookies;
        this.hosts = hosts;
        this.idleTimeout = idleTimeout;
    }

    /** The cookie that logs this member in until they have been idle for the timeout. */
    public Cookie cookieFor(Authentication authentication, HttpRequest<?> request) {
        String token = tokens.generateToken(authentication, (int) idleTimeout.toSeconds())
                .orElseThrow(() -> new IllegalStateException("ログイン用のトークンを作れません"));
        return Cookie.of(cookies.getCookieName(), token).path("/").httpOnly(true).sameSite(SameSite.Strict)
                .secure(secureCookies || hosts.resolve(request).startsWith("https:"));
    }

    /** Whether the token behind {@code authentication} is old enough to be renewed. */
    boolean dueForRenewal(Authentication authentication, long nowEpochSecond) {
        Object issued = authentication.getAttributes().get("iat");
        long at = issued instanceof Date date ? date.toInstant().getEpochSecond()
                : issued instanceof Number number ? number.longValue() : 0;
        return nowEpochSecond - at >= RENEW_AFTER.toSeconds();
    }
}
