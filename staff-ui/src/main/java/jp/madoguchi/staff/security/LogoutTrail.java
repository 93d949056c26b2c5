package jp.madoguchi.staff.security;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.LogoutEvent;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.AuthenticateStaffUseCase;

/** Records each logout in the access history (Micronaut Security's logout endpoint clears the cookie). */
@Singleton
public class LogoutTrail implements ApplicationEventListener<LogoutEvent> {

    private final AuthenticateStaffUseCase authentication;

    public LogoutTrail(AuthenticateStaffUseCase authentication) {
        this.authentication = authentication;
    }

    @Override
    public void onApplicationEvent(LogoutEvent event) {
        if (event.getSource() instanceof Authentication who && who.getAttributes().containsKey(StaffPrincipal.CITY)) {
            authentication.loggedOut(StaffPrincipal.city(who), who.getName(), "");
        }
    }
}
