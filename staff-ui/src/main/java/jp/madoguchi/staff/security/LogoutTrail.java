package jp.madoguchi.staff.security;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.LogoutEvent;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase;

/**
 * Ends the login's session and records the logout in the access history (Micronaut Security's logout endpoint clears
 * the cookie; the session's end makes a copy of the cookie useless too).
 */
@Singleton
public class LogoutTrail implements ApplicationEventListener<LogoutEvent> {

    private final AuthenticateStaffUseCase authentication;

    public LogoutTrail(AuthenticateStaffUseCase authentication) {
        this.authentication = authentication;
    }

    @Override
    public void onApplicationEvent(LogoutEvent event) {
        if (event.getSource() instanceof Authentication who && who.getAttributes().containsKey(StaffPrincipal.CITY)) {
            authentication.loggedOut(StaffPrincipal.city(who), who.getName(), StaffPrincipal.operator(who).terminal(),
                    StaffPrincipal.sessionId(who));
        }
    }
}
