package jp.madoguchi.demo.config;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import jp.madoguchi.demo.PrepareDemoUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code madoguchi.demo.enabled}, fills an empty installation with synthetic residents and demo staff
 * when the server starts; a restart finds them and adds nothing.
 */
@Singleton
@Requires(property = "madoguchi.demo.enabled", value = "true")
public class DemoDataLoader implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final PrepareDemoUseCase demo;

    public DemoDataLoader(PrepareDemoUseCase demo) {
        this.demo = demo;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        PrepareDemoUseCase.DemoReport report = demo.prepare();
        LOG.info("デモデータ: 合成住民 {} 人、職員アカウント {} 件を追加しました", report.residentsLoaded(), report.staffAccountsCreated());
    }
}
