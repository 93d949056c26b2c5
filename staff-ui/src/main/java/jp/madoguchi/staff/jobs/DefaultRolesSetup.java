package jp.madoguchi.staff.jobs;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** At each start, gives the city the standard roles it does not have yet; roles it changed stay as they are. */
@Singleton
public class DefaultRolesSetup implements ApplicationEventListener<ServerStartupEvent> {

    private final RegisterStaffAccountUseCase staff;
    private final LocalGovernmentCode city;

    public DefaultRolesSetup(RegisterStaffAccountUseCase staff,
                             Installation installation) {
        this.staff = staff;
        this.city = installation.city();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        staff.ensureDefaultRoles(city);
    }
}
