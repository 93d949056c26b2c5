package jp.madoguchi.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database Madoguchi runs on, migrated by the production Flyway scripts: either an external
 * server ({@code MADOGUCHI_DB_URL}) or, by default, a real PostgreSQL started here on a persistent data
 * directory, so a restart keeps the data.
 */
public final class ManagedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedDatabase.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;

    private ManagedDatabase(EmbeddedPostgres embedded, HikariDataSource pool) {
        this.embedded = embedded;
        this.pool = pool;
    }

    /** Connects to an external PostgreSQL. */
    public static ManagedDatabase external(String url, String user, String password, int poolSize) {
        LOG.info("外部の PostgreSQL に接続します: {}", url.replaceAll("password=[^&]*", "password=***"));
        return migrated(null, pool(url, user, password, poolSize));
    }

    /** Starts (or restarts) the embedded PostgreSQL in {@code dataDirectory}, creating it on first use. */
    public static ManagedDatabase embedded(Path dataDirectory, int poolSize) {
        Integer running = runningPort(dataDirectory);
        if (running != null) {
            // the server is up on this folder (a CLI command next to it): use it rather than start a second one
            LOG.info("実行中の組み込み PostgreSQL（ポート {}）に接続します", running);
            return migrated(null, pool("jdbc:postgresql://localhost:" + running + "/postgres", "postgres", "", poolSize));
        }
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF-8")
                    // a FULL linkage file writes a million rows at once: no forced checkpoints in the middle
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_completion_target", "0.9")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("組み込み PostgreSQL を起動できません（データフォルダ " + dataDirectory + "）", e);
        }
        LOG.info("組み込み PostgreSQL を起動しました（ポート {}、データ {}）", postgres.getPort(), dataDirectory);
        return migrated(postgres, pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", poolSize));
    }

    /** The port of a live PostgreSQL already running on {@code dataDirectory}, from its postmaster.pid. */
    private static Integer runningPort(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return null;
            }
            java.util.List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4 || !Files.exists(Path.of("/proc", lines.get(0).strip()))) {
                return null;   // a stale file left by a crash: the embedded start cleans it up
            }
            return Integer.valueOf(lines.get(3).strip());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        // a small pool serves a counter system best (QUALITY.md: 10 connections beat 140 under load)
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("madoguchi");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    private static ManagedDatabase migrated(EmbeddedPostgres embedded, HikariDataSource pool) {
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return new ManagedDatabase(embedded, pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("組み込み PostgreSQL の停止に失敗しました", e);
            }
        }
    }
}
