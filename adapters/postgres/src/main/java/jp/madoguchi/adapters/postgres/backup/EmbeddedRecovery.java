package jp.madoguchi.adapters.postgres.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.madoguchi.adapters.postgres.ManagedDatabase;
import jp.madoguchi.adapters.postgres.audit.JdbiAuditTrail;
import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.out.AuditVerification;
import jp.madoguchi.application.port.out.CheckpointSeal;
import jp.madoguchi.application.port.out.DatabaseRecovery;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * Recovery on the embedded server's binaries: the base copy unpacked into a data folder, the archived WAL staged
 * beside it, and PostgreSQL started in archive recovery ({@code recovery.signal}) replaying it to the target, then
 * promoted. The staged WAL is plain only inside the installation's owner-only folder and removed afterwards.
 */
public final class EmbeddedRecovery implements DatabaseRecovery {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** PostgreSQL reads microseconds at most; a Java instant may carry nanoseconds. */
    private static final DateTimeFormatter TARGET_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);
    private static final Duration REPLAY_LIMIT = Duration.ofHours(2);

    private final Path dataDirectory;
    private final Path installation;
    private final CheckpointSeal seal;
    private final Clock clock;

    /** @param dataDirectory the installation's database folder ({@code <data>/postgres}) */
    public EmbeddedRecovery(Path dataDirectory, CheckpointSeal seal, Clock clock) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.installation = this.dataDirectory.getParent();
        this.seal = seal;
        this.clock = clock;
    }

    @Override
    public CheckedCopy check(InputStream base, WalArchive wal) throws IOException {
        removeLeftOverChecks();
        Path scratch = Files.createTempDirectory(installation, "backup-check-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Path data = scratch.resolve("postgres");
            unpack(base, data);
            Path staged = stage(wal, scratch.resolve("wal"));
            Map<String, String> settings = recoverySettings(staged);
            settings.put("recovery_target", "immediate");
            EmbeddedPostgres server = start(data, settings);
            try {
                DataSource owner = server.getDatabase("postgres", "postgres");
                awaitPromotion(owner);
                FailPoints.reach("backup.check.scratch-running");
                Map<String, Long> counts = TableCounts.of(owner);
                String migrations = migrationFinding(owner);
                JdbiAuditTrail trail = new JdbiAuditTrail(Jdbi.create(owner), seal);
                AuditVerification audit;
                try {
                    audit = trail.verify();
                } finally {
                    trail.close();
                }
                return new CheckedCopy(counts, migrations.isEmpty(), migrations, audit);
            } finally {
                server.close();
            }
        } finally {
            deleteTree(scratch);
        }
    }

    @Override
    public Restored restore(InputStream base, WalArchive wal, Target target) throws IOException {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw new IllegalStateException("データベース（" + dataDirectory + "）が使用中です。サーバーとコマンドを"
                    + "すべて停止してから復元してください（停止に失敗して残った postmaster.pid なら、プロセスがないことを確かめて削除）");
        }
        Path setAside = null;
        if (Files.exists(dataDirectory)) {
            setAside = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".before-restore-" + STAMP.format(clock.instant()));
            Files.move(dataDirectory, setAside, StandardCopyOption.ATOMIC_MOVE);
        }
        Path staging = installation.resolve("restore-wal");
        try {
            unpack(base, dataDirectory);
            Path staged = stage(wal, staging);
            Map<String, String> settings = recoverySettings(staged);
            if (!target.isLatest()) {
                settings.put("recovery_target_time", TARGET_TIME.format(target.time()));
            }
            EmbeddedPostgres server = start(dataDirectory, settings);
            try {
                DataSource owner = server.getDatabase("postgres", "postgres");
                awaitPromotion(owner);
                return new Restored(setAside, newestReception(owner), TableCounts.of(owner));
            } finally {
                server.close();
            }
        } catch (IOException | RuntimeException e) {
            // nothing lost: the half-restored folder (made from the backup, which stays) goes and the old one comes back
            deleteTree(dataDirectory);
            if (setAside != null) {
                Files.move(setAside, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        } finally {
            deleteTree(staging);
        }
    }

    /** Scratch copies of a check that was killed: their server stopped, their folder (a backup's plain copy) removed. */
    private void removeLeftOverChecks() throws IOException {
        try (Stream<Path> entries = Files.list(installation)) {
            for (Path leftOver : entries.filter(p -> p.getFileName().toString().startsWith("backup-check-")).toList()) {
                ManagedDatabase.stopLeftOver(leftOver.resolve("postgres"));
                deleteTree(leftOver);
            }
        }
    }

    private static void unpack(InputStream base, Path data) throws IOException {
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        ZipInputStream zip = new ZipInputStream(base);
        int entries = 0;
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            Path path = data.resolve(entry.getName()).normalize();
            if (!path.startsWith(data)) {
                throw new IOException("ベースバックアップに不正な名前があります: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            } else {
                Files.createDirectories(path.getParent());
                Files.copy(zip, path, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            entries++;
        }
        if (entries == 0 || !Files.exists(data.resolve("backup_label"))) {
            throw new IOException("ベースバックアップが不完全です（backup_label がありません）");
        }
        Files.createFile(data.resolve("recovery.signal"));
    }

    private static Path stage(WalArchive wal, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        for (String name : wal.names()) {
            wal.copy(name, folder.resolve(name));
        }
        return folder;
    }

    private static Map<String, String> recoverySettings(Path staged) {
        Map<String, String> settings = new HashMap<>();
        settings.put("restore_command", "cp " + WalArchiving.quoted(staged + "/") + "%f %p");
        settings.put("recovery_target_action", "promote");
        // the recovered server must not archive into the live installation's spool
        settings.put("archive_mode", "off");
        return settings;
    }

    private EmbeddedPostgres start(Path data, Map<String, String> settings) {
        return ManagedDatabase.startServer(data, installation, ManagedDatabase.embeddedOwner(installation).password(),
                settings);
    }

    private void awaitPromotion(DataSource owner) {
        Instant deadline = clock.instant().plus(REPLAY_LIMIT);
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return;
                    }
                }
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("WAL の再生が " + REPLAY_LIMIT.toHours() + " 時間で終わりません");
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("復元したデータベースが起動しません: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("復元の完了を待つ間に中断されました", e);
        }
    }

    private static Instant newestReception(DataSource owner) {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(opened_at) FROM reception")) {
            rs.next();
            Timestamp newest = rs.getTimestamp(1);
            return newest == null ? null : newest.toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException("復元したデータベースを読めません: " + e.getMessage(), e);
        }
    }

    /** Empty when the copy's migrations are exactly the ones this version ships, else what differs. */
    private static String migrationFinding(DataSource owner) {
        try {
            Flyway flyway = Flyway.configure().dataSource(owner).locations("classpath:db/migration")
                    .placeholders(Map.of("appRole", "madoguchi_app")).load();
            flyway.validate();
            int pending = flyway.info().pending().length;
            return pending == 0 ? "" : "未適用の移行が " + pending + " 件あります";
        } catch (FlywayException e) {
            return e.getMessage();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
