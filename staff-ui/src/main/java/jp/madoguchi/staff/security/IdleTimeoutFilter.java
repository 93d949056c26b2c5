package jp.madoguchi.staff.security;

import java.time.Clock;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.authentication.Authentication;

/**
 * Keeps a working member of staff logged in: each answer to a logged-in request renews the login cookie for
 * another idle timeout (at most once a minute). Nothing renews it on a PC left alone, so the login ends there.
 */
@ServerFilter({"/staff/**", "/admin/**"})
public class IdleTimeoutFilter {

    private final StaffSessions sessions;
    private final Clock clock;

    public IdleTimeoutFilter(StaffSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @ResponseFilter
    public void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getStatus().getCode() >= 400 || StaticAssets.requested(request)) {
            return;
        }
        request.getUserPrincipal(Authentication.class)
                .filter(a -> a.getAttributes().containsKey(StaffPrincipal.CITY))
                .filter(a -> sessions.dueForRenewal(a, clock.instant().getEpochSecond()))
                .ifPresent(a -> response.cookie(sessions.cookieFor(StaffPrincipal.renewed(a), request)));
    }
}
