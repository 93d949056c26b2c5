package jp.madoguchi.staff.jobs;

import java.time.Duration;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs generated rows through the import's checking path in the background right after start, so the first FULL
 * linkage file after a restart is read as fast as the next one: without it, the first million rows took 19 s of
 * CPU instead of 10-11 s while the JIT compiled. 250,000 rows (a file of 50,000 read five times) take about 6 s
 * on 2 cores; fewer left part of the path uncompiled. Nothing is written. {@code madoguchi.linkage.warm-up-rows: 0}
 * turns it off.
 */
@Singleton
public class LinkageImportWarmUp implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LinkageImportWarmUp.class);

    private final ImportLinkageFilesUseCase imports;
    private final int rows;

    public LinkageImportWarmUp(ImportLinkageFilesUseCase imports,
                               @Property(name = "madoguchi.linkage.warm-up-rows", defaultValue = "250000") int rows) {
        this.imports = imports;
        this.rows = rows;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (rows <= 0) {
            return;
        }
        Thread warmUp = new Thread(this::prepare, "linkage-import-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private void prepare() {
        try {
            Duration took = imports.warmUp(rows);
            LOG.info("連携ファイルの取込の準備ができました（{} 行、{} ms）", rows, took.toMillis());
        } catch (RuntimeException e) {
            // an import then simply runs cold; the import itself reports anything that is really wrong
            LOG.warn("連携ファイルの取込の準備に失敗しました: {}", e.getMessage());
        }
    }
}
