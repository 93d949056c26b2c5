package jp.madoguchi.adapters.postgres.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM (the same embedded server the product starts), with a fresh database per
 * caller, which the production Flyway migrations then build. Durability is switched off: a test cluster need
 * not survive a power cut.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** A JDBC URL of a new, empty database (user {@code postgres}, no password). */
    public static synchronized String freshDatabaseUrl() {
        String name = "madoguchi_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
        } catch (SQLException e) {
            throw new IllegalStateException("テスト用データベースを作成できません", e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path directory = Files.createTempDirectory("madoguchi-test-pg");
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setLocaleConfig("encoding", "UTF-8")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("テスト用 PostgreSQL を起動できません", e);
            }
        }
        return server;
    }
}
