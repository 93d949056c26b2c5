package jp.madoguchi.staff.jobs;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ManageProcedureRulesUseCase;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At each start, stores the shipped related-procedure rules the city does not have yet; rules the city has edited
 * keep their versions.
 */
@Singleton
public class ShippedRulesSetup implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedRulesSetup.class);

    private final ManageProcedureRulesUseCase rules;
    private final LocalGovernmentCode city;

    public ShippedRulesSetup(ManageProcedureRulesUseCase rules,
                             Installation installation) {
        this.rules = rules;
        this.city = installation.city();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int added = rules.ensureShippedRules(city);
        if (added > 0) {
            LOG.info("関連手続の規則（初期値）を {} 件登録しました", added);
        }
    }
}
