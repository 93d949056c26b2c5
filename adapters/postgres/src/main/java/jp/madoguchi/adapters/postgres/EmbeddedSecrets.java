package jp.madoguchi.adapters.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;

/**
 * The embedded server's logins and folders: random passwords kept owner-only in the installation's secrets, every
 * login by password (scram-sha-256, for local and loopback connections alike), and private folders for what it
 * unpacks. A cluster made before this (trusting local logins) is secured at its next start.
 */
final class EmbeddedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Every connection by password: the embedded server listens on loopback only. */
    static final String HBA = """
            # Madoguchi: every login by password (SCRAM); written at each start of the embedded server
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    private EmbeddedSecrets() {
    }

    /** The password in {@code file}, made (owner-only, in an owner-only folder) on first use. */
    static String password(Path file) {
        try {
            if (!Files.exists(file)) {
                privateFolder(file.getParent());
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                Path part = file.resolveSibling(file.getFileName() + ".part");
                Files.deleteIfExists(part);
                Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(part, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), StandardCharsets.US_ASCII);
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("データベースのパスワードを用意できません: " + file, e);
        }
    }

    /** {@code folder}, created readable by its owner only. */
    static Path privateFolder(Path folder) {
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("フォルダを用意できません: " + folder, e);
        }
    }

    /**
     * Gives the owner and the system's role their passwords and makes the server ask for them from now on (the
     * authentication file rewritten, the configuration reloaded).
     */
    static void requirePasswords(DataSource asOwner, Path dataDirectory, ManagedDatabase.Login owner,
                                 ManagedDatabase.Login application) {
        try (Connection c = asOwner.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE " + quoted(owner.user()) + " PASSWORD " + literal(owner.password()));
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = " + literal(application.user()))) {
                exists = rs.next();
            }
            s.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + quoted(application.user()) + " LOGIN PASSWORD "
                    + literal(application.password()));
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("組み込み PostgreSQL のログインをパスワード制にできません: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("組み込み PostgreSQL の認証設定を書けません", e);
        }
    }

    /**
     * The shipped PostgreSQL binaries, told apart per installation folder: zonky keeps one unpacked copy per resolver
     * for the life of the process, so a resolver per folder makes it unpack into that installation's own folder even
     * when another (a test's) was started first.
     */
    record InstallationBinaries(Path folder) implements io.zonky.test.db.postgres.embedded.PgBinaryResolver {
        @Override
        public java.io.InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
