package jp.madoguchi.adapters.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
    private static final String EMBEDDED_OWNER = "postgres";
    /** What the system logs in as: it may read and append to the access history, never change it. */
    private static final String EMBEDDED_APPLICATION = "madoguchi_app";

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    /** The embedded server's data folder (whether this process or another started it), else null. */
    private final Path embeddedData;
    private final String url;
    private final Login owner;

    private ManagedDatabase(EmbeddedPostgres embedded, Path embeddedData, String url, Login owner, HikariDataSource pool) {
        this.embedded = embedded;
        this.embeddedData = embeddedData;
        this.url = url;
        this.owner = owner;
        this.pool = pool;
    }

    /** Connects to an external PostgreSQL with one login for everything (no separate role for the application). */
    public static ManagedDatabase external(String url, String user, String password, int poolSize) {
        return external(url, new Login(user, password), new Login(user, password), poolSize);
    }

    /**
     * Connects to an external PostgreSQL: {@code owner} runs the migrations and owns the access history,
     * {@code application} is what the running system logs in as (created by the owner when missing, if it may).
     */
    public static ManagedDatabase external(String url, Login owner, Login application, int poolSize) {
        LOG.info("外部の PostgreSQL に接続します: {}", url.replaceAll("password=[^&]*", "password=***"));
        return migrated(null, null, url, owner, application, poolSize);
    }

    /**
     * Starts (or restarts) the embedded PostgreSQL in {@code dataDirectory}, creating it on first use. It is a
     * production server, not a test fixture: durable commits, password (SCRAM) logins for its owner and the system's
     * role (passwords in {@code <data>/secrets}, owner-only), and its binaries unpacked into a private folder of the
     * installation ({@code <data>/pgbin}) rather than a shared temporary one.
     */
    public static ManagedDatabase embedded(Path dataDirectory, int poolSize) {
        return embedded(dataDirectory, poolSize, Map.of());
    }

    /**
     * As {@link #embedded(Path, int)}, with more server settings for this start (WAL archiving when backups are on).
     * They apply only when this call starts the server; a server already running keeps its own.
     */
    public static ManagedDatabase embedded(Path dataDirectory, int poolSize, Map<String, String> serverSettings) {
        Path installation = dataDirectory.toAbsolutePath().getParent();
        Login owner = embeddedOwner(installation);
        Login application = new Login(EMBEDDED_APPLICATION,
                EmbeddedSecrets.password(installation.resolve("secrets").resolve("db-app-password")));
        Integer running = runningPort(dataDirectory);
        if (running != null && ServerOwner.of(dataDirectory).abandoned()) {
            // started by a command that was killed (kill -9, power button): nobody will ever stop it, so stop it now
            LOG.warn("強制終了したコマンドが残した組み込み PostgreSQL（ポート {}）を停止してから起動し直します", running);
            ServerOwner.of(dataDirectory).stopAbandoned();
            running = null;
        }
        if (running != null) {
            // the server is up on this folder (a CLI command next to it): use it rather than start a second one
            LOG.info("実行中の組み込み PostgreSQL（ポート {}）に接続します", running);
            return migrated(null, dataDirectory, "jdbc:postgresql://localhost:" + running + "/postgres", owner, application, poolSize);
        }
        EmbeddedPostgres postgres = startServer(dataDirectory, installation, owner.password(), serverSettings);
        LOG.info("組み込み PostgreSQL を起動しました（ポート {}、データ {}）", postgres.getPort(), dataDirectory);
        ServerOwner.of(dataDirectory).claim();
        try {
            EmbeddedSecrets.requirePasswords(postgres.getDatabase(EMBEDDED_OWNER, "postgres"), dataDirectory, owner, application);
        } catch (RuntimeException e) {
            closeQuietly(postgres, dataDirectory);
            throw e;
        }
        return migrated(postgres, dataDirectory, postgres.getJdbcUrl("postgres", "postgres"), owner, application, poolSize);
    }

    /**
     * Stops a server left running on {@code dataDirectory} by a process that was killed (a scratch copy's, whose
     * owner died with it), and waits until it is gone; does nothing when none runs there.
     */
    public static void stopLeftOver(Path dataDirectory) {
        if (runningPort(dataDirectory) != null) {
            ServerOwner.of(dataDirectory).stopAbandoned();
        }
    }

    /** The embedded server's owner login, its password from the installation's {@code secrets}. */
    public static Login embeddedOwner(Path installation) {
        return new Login(EMBEDDED_OWNER, EmbeddedSecrets.password(installation.resolve("secrets").resolve("db-owner-password")));
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} with the installation's binaries and the production settings, plus
     * {@code serverSettings} for this start only (a recovery's target, a scratch copy's archiving off).
     */
    public static EmbeddedPostgres startServer(Path dataDirectory, Path installation, String ownerPassword,
                                        Map<String, String> serverSettings) {
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setOverrideWorkingDirectory(EmbeddedSecrets.privateFolder(installation.resolve("pgbin")).toFile())
                    .setPgBinaryResolver(new EmbeddedSecrets.InstallationBinaries(installation.resolve("pgbin")))
                    // zonky checks the server with this login; a fresh cluster still trusts it until secured
                    .setConnectConfig("password", ownerPassword)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF-8")
                    // durable commits: zonky's builder turns synchronous_commit off (a test library's default); a
                    // finished visit, its hand-off records and its access-history entry must survive a power cut
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    // a FULL linkage file writes a million rows at once: no forced checkpoints in the middle
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_completion_target", "0.9");
            // zonky hands the settings to pg_ctl as one option string, which a shell splits: each value is quoted
            serverSettings.forEach((name, value) -> builder.setServerConfig(name, "'" + value.replace("'", "'\"'\"'") + "'"));
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("組み込み PostgreSQL を起動できません（データフォルダ " + dataDirectory + "）", e);
        }
        // zonky opens its working folder to every account; the programs it unpacked are the installation's own
        EmbeddedSecrets.privateFolder(installation.resolve("pgbin"));
        return postgres;
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
        config.setJdbcUrl(user == null || user.isBlank() ? url : withoutLogin(url));
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        // a small pool serves a counter system best (docs/benchmarks.md: 10 connections beat 140 under load)
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("madoguchi");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** The driver prefers a user in the URL to the one given apart: the owner's and the application's share a URL. */
    private static String withoutLogin(String url) {
        return url.replaceAll("(?<=[?&])(user|password)=[^&]*(&|$)", "").replaceAll("[?&]$", "");
    }

    private static ManagedDatabase migrated(EmbeddedPostgres embedded, Path embeddedData, String url, Login owner, Login application,
                                            int poolSize) {
        try (HikariDataSource ownerPool = pool(url, owner.user(), owner.password(), 4)) {   // Flyway holds a lock connection besides the migrating one
            if (!application.user().equals(owner.user())) {
                ensureRole(ownerPool, application);
            } else {
                LOG.warn("アプリケーションが所有者と同じロール（{}）で接続します。アクセス記録を保護するには、別のロールを "
                        + "MADOGUCHI_DB_USER に、所有者を MADOGUCHI_DB_OWNER に設定してください", owner.user());
            }
            Flyway.configure().dataSource(ownerPool).locations("classpath:db/migration")
                    .placeholders(java.util.Map.of("appRole", application.user())).load().migrate();
        } catch (RuntimeException e) {
            if (embedded != null) {
                closeQuietly(embedded, embeddedData);
            }
            throw e;
        }
        return new ManagedDatabase(embedded, embeddedData, url, owner, pool(url, application.user(), application.password(), poolSize));
    }

    /** Creates the application's login role when it does not exist yet (the embedded server trusts local logins). */
    private static void ensureRole(DataSource owner, Login application) {
        try (java.sql.Connection c = owner.getConnection();
             java.sql.PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, application.user());
            if (exists.executeQuery().next()) {
                return;
            }
            try (java.sql.Statement create = c.createStatement()) {
                create.execute("CREATE ROLE \"" + application.user().replace("\"", "\"\"") + "\" LOGIN"
                        + (application.password().isEmpty() ? "" : " PASSWORD '" + application.password().replace("'", "''") + "'"));
            }
            LOG.info("アプリケーション用のロール {} を作成しました", application.user());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("アプリケーション用のロール " + application.user()
                    + " がなく、作成もできません。データベース管理者に作成を依頼してください: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres embedded, Path dataDirectory) {
        try {
            ServerOwner owner = ServerOwner.of(dataDirectory);
            Long postmaster = owner.postmasterPid();
            embedded.close();
            owner.awaitGone(postmaster);
            owner.release();
        } catch (IOException e) {
            LOG.warn("組み込み PostgreSQL の停止に失敗しました", e);
        }
    }

    /** A database login; an empty password means none (an external server that trusts the connection). */
    public record Login(String user, String password) {
        public Login {
            password = password == null ? "" : password;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The embedded server's data folder, also when another process of the installation started it. */
    public java.util.Optional<Path> embeddedDataDirectory() {
        return java.util.Optional.ofNullable(embeddedData);
    }

    /** A new connection as the database's owner, for work the system's role may not do (a base backup). */
    public java.sql.Connection ownerConnection() throws java.sql.SQLException {
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", owner.user());
        if (!owner.password().isEmpty()) {
            login.setProperty("password", owner.password());
        }
        return java.sql.DriverManager.getConnection(withoutLogin(url), login);
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            closeQuietly(embedded, embeddedData);
        }
    }
}
