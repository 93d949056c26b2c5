package jp.madoguchi.staff.security;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase;

/**
 * Every logged-in request names a session that must still be open: logged out, ended by an administrator (a disabled
 * account, changed roles, a reset password or second factor) or past its lifetime, the login ends here, on whichever
 * server the request reaches. The answer is remembered for a few seconds ({@code madoguchi.security.session-check}),
 * so the assets of one page do not each ask the database; that is also how late another server may notice an end.
 */
@ServerFilter({"/staff/**", "/admin/**"})
public class SessionCheckFilter implements Ordered {

    private static final String ENDED = "ログインの有効期間が終わったか、ログインが取り消されました。もう一度ログインしてください。";

    private final AuthenticateStaffUseCase members;
    private final AccessTokenCookieConfiguration cookies;
    private final @Nullable Cache<String, Boolean> recent;

    public SessionCheckFilter(AuthenticateStaffUseCase members, AccessTokenCookieConfiguration cookies,
                              @Property(name = "madoguchi.security.session-check", defaultValue = "5s") Duration remember) {
        this.members = members;
        this.cookies = cookies;
        this.recent = remember.isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(10_000).build();
    }

    @RequestFilter
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        Authentication who = request.getUserPrincipal(Authentication.class)
                .filter(a -> a.getAttributes().containsKey(StaffPrincipal.CITY)).orElse(null);
        if (who == null || StaticAssets.requested(request)) {
            return null;
        }
        String session = StaffPrincipal.sessionId(who);
        boolean open = recent == null ? members.active(session) : recent.get(session, members::active);
        if (open) {
            return null;
        }
        return HttpResponse.seeOther(URI.create("/staff/login?notice=" + URLEncoder.encode(ENDED, StandardCharsets.UTF_8)))
                .cookie(Cookie.of(cookies.getCookieName(), "").path("/").maxAge(0)
                        .secure(cookies.getCookieName().startsWith("__Host-")));
    }

    @Override
    public int getOrder() {
        // after the security filter has read the token, before the pages
        return ServerFilterPhase.SECURITY.after();
    }
}
