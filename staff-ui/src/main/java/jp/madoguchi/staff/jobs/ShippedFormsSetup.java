package jp.madoguchi.staff.jobs;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.DesignFormsUseCase;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At each start, stores the shipped forms the city does not have yet, and a corrected shipped form as the next
 * version of a form the city still uses as shipped; forms the city has changed keep their versions.
 */
@Singleton
public class ShippedFormsSetup implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedFormsSetup.class);

    private final DesignFormsUseCase forms;
    private final LocalGovernmentCode city;

    public ShippedFormsSetup(DesignFormsUseCase forms,
                             Installation installation) {
        this.forms = forms;
        this.city = installation.city();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int added = forms.ensureShippedForms(city);
        if (added > 0) {
            LOG.info("出荷時の様式を {} 件登録・更新しました", added);
        }
    }
}
