package jp.madoguchi.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.madoguchi.adapters.postgres.testing.TestDatabase;

/**
 * The whole system as it ships (both UIs, all adapters, the production migrations) on a fresh real
 * PostgreSQL database, a random port and a temporary data folder, with the demo data loaded.
 */
public final class RunningMadoguchi implements WebAddress, AutoCloseable {

    public static final String DEMO_PASSWORD = "acceptance-demo-password";

    private final EmbeddedServer server;
    private final Path dataDir;
    private final String databaseUrl;

    private RunningMadoguchi(EmbeddedServer server, Path dataDir, String databaseUrl) {
        this.server = server;
        this.dataDir = dataDir;
        this.databaseUrl = databaseUrl;
    }

    /** The database the system runs on, for a second start on the same one. */
    public String databaseUrl() {
        return databaseUrl;
    }

    public static RunningMadoguchi start() {
        return start(Map.of());
    }

    /** Starts with some settings changed, e.g. {@code madoguchi.kiosk.enabled=false}. */
    public static RunningMadoguchi start(Map<String, Object> overrides) {
        try {
            Path dataDir = Files.createTempDirectory("madoguchi-acceptance");
            Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                    "micronaut.server.port", -1,
                    // the demo listens on this PC only (the server refuses it anywhere else)
                    "micronaut.server.host", "127.0.0.1",
                    "madoguchi.database.url", TestDatabase.freshDatabaseUrl(),
                    "madoguchi.database.owner-username", "postgres",
                    // the system runs as its own role, as in production: it cannot change the access history
                    "madoguchi.database.username", "madoguchi_app",
                    "madoguchi.data-dir", dataDir.toString(),
                    "madoguchi.demo.enabled", true,
                    "madoguchi.demo.residents", 400,
                    "madoguchi.demo.password", DEMO_PASSWORD,
                    "micronaut.security.token.jwt.signatures.secret.generator.secret",
                    "acceptance-test-signing-secret-that-is-long-enough-0123456789"));
            // the demo's built-in terminal agent on a free loopback port, so parallel runs do not collide
            properties.put("madoguchi.terminal-agent.port", LoadBalancer.freePort());
            // the tests start the system dozens of times: warming the import path up is for a server that stays up
            properties.put("madoguchi.linkage.warm-up-rows", 0);
            // every test browser logs in from 127.0.0.1, dozens of times a minute: the limit on anonymous writes
            // (30 a minute per address) has its own spec, AnonymousWritesAcceptanceSpec, with the shipped values
            properties.put("madoguchi.security.anonymous-writes.burst", 100_000);
            properties.put("madoguchi.security.anonymous-writes.per-minute", 100_000);
            properties.putAll(overrides);
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
            return new RunningMadoguchi(server, dataDir, String.valueOf(properties.get("madoguchi.database.url")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    /** Whether the running system has a bean of this type at all (e.g. none of the demo's with the demo off). */
    public boolean has(Class<?> type) {
        return server.getApplicationContext().containsBean(type);
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** The installation's data folder (the city's own layouts, exports, the embedded database…). */
    public Path dataDir() {
        return dataDir;
    }

    /** The drop folder the linkage import polls. */
    public Path linkageInbox() {
        return dataDir.resolve("linkage").resolve("inbox");
    }

    /** The folder the built-in terminal agent's scanner saves into. */
    public Path scannerFolder() {
        return dataDir.resolve("scanner");
    }

    /** The RPA folder the back-office export writes to. */
    public Path exportFolder() {
        return dataDir.resolve("exports").resolve("rpa");
    }

    /** The port this server listens on, for a load balancer in front of it. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
