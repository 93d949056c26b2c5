package jp.madoguchi.staff.security;

import jp.madoguchi.application.port.in.AuthenticateStaffUseCase;

import java.time.Clock;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.authentication.Authentication;

/**
 * Keeps a working member of staff logged in: each answer to a logged-in request renews the login cookie for
 * another idle timeout (at most once a minute), with the member's permissions and departments as they stand now.
 * Nothing renews it on a PC left alone, so the login ends there; an ended session is never renewed.
 */
@ServerFilter({"/staff/**", "/admin/**"})
public class IdleTimeoutFilter {

    private final StaffSessions sessions;
    private final AuthenticateStaffUseCase members;
    private final Clock clock;

    public IdleTimeoutFilter(StaffSessions sessions, AuthenticateStaffUseCase members, Clock clock) {
        this.sessions = sessions;
        this.members = members;
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
                // the renewed token says what the account says now: roles, permissions and departments read again
                .ifPresent(a -> members.resume(StaffPrincipal.sessionId(a)).ifPresent(member -> response.cookie(
                        sessions.cookieFor(StaffPrincipal.of(member, StaffPrincipal.operator(a).terminal(),
                                StaffPrincipal.sessionId(a)), request))));
    }
}
