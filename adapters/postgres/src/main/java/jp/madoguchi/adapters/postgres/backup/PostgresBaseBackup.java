package jp.madoguchi.adapters.postgres.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.madoguchi.adapters.postgres.ManagedDatabase;
import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.out.DatabaseBackup;

/**
 * A base copy of the embedded server's data folder through PostgreSQL's own backup functions ({@code pg_backup_start}
 * / {@code pg_backup_stop}, non-exclusive): the files are copied while the server runs, and the WAL written meanwhile
 * makes the copy consistent. The server's binaries have no {@code pg_basebackup}, and the files are on this machine.
 */
public final class PostgresBaseBackup implements DatabaseBackup {

    /** Left out as PostgreSQL's documentation lists: rebuilt or meaningless on the restored server. */
    private static final Set<String> EMPTIED_FOLDERS = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "backup_label.old", "recovery.signal", "standby.signal");

    private final ManagedDatabase database;
    private final Path spool;
    private final Clock clock;

    public PostgresBaseBackup(ManagedDatabase database, Path spool, Clock clock) {
        this.database = database;
        this.spool = spool.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public String unavailableReason() {
        if (database.embeddedDataDirectory().isEmpty()) {
            return "外部の PostgreSQL を使う設置では、データベースのバックアップはその管理者が pg_basebackup などで取ります";
        }
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('archive_mode'), current_setting('archive_command')")) {
            rs.next();
            if (!"on".equals(rs.getString(1)) || !rs.getString(2).contains(WalArchiving.script(spool).toString())) {
                return "バックアップが有効になっていません（設定 madoguchi.backup.enabled を true にしてサーバーを起動し直して"
                        + "ください。./madoguchi setup で用意した本番の設置では有効です）";
            }
            return "";
        } catch (SQLException e) {
            return "データベースに接続できません: " + e.getMessage();
        }
    }

    @Override
    public BaseCopy copyBase(OutputStream zip) throws IOException {
        Path data = database.embeddedDataDirectory().orElseThrow();
        Map<String, Long> atStart = counts();
        Instant started = clock.instant();
        String label = "madoguchi-" + started;
        // the backup lasts as long as this session: if the copy fails, closing the connection ends it
        try (Connection c = database.ownerConnection()) {
            String startWal;
            try (PreparedStatement start = c.prepareStatement("SELECT pg_walfile_name(pg_backup_start(?, true))")) {
                start.setString(1, label);
                try (ResultSet rs = start.executeQuery()) {
                    rs.next();
                    startWal = rs.getString(1);
                }
            }
            ZipOutputStream out = new ZipOutputStream(nonClosing(zip), StandardCharsets.UTF_8);
            out.setLevel(Deflater.BEST_SPEED);
            copyFolder(data, out);
            String stopWal;
            try (Statement stop = c.createStatement();
                 ResultSet rs = stop.executeQuery("SELECT pg_walfile_name(lsn), labelfile, spcmapfile FROM pg_backup_stop(true)")) {
                rs.next();
                stopWal = rs.getString(1);
                entry(out, "backup_label", rs.getString(2));
                String tablespaces = rs.getString(3);
                if (tablespaces != null && !tablespaces.isBlank()) {
                    entry(out, "tablespace_map", tablespaces);
                }
            }
            out.finish();
            return new BaseCopy(label, startWal, stopWal, started, clock.instant(), atStart);
        } catch (SQLException e) {
            throw new IOException("ベースバックアップを取れません: " + e.getMessage(), e);
        }
    }

    private static void copyFolder(Path data, ZipOutputStream out) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(data)) {
            walk.forEach(paths::add);
        }
        for (Path path : paths) {
            Path relative = data.relativize(path);
            if (relative.toString().isEmpty()) {
                continue;
            }
            String name = relative.toString().replace('\\', '/');
            String top = relative.getName(0).toString();
            boolean insideEmptied = EMPTIED_FOLDERS.contains(top) && relative.getNameCount() > 1;
            if (insideEmptied || LEFT_OUT.contains(name) || name.contains("pgsql_tmp")) {
                continue;
            }
            if (Files.isDirectory(path)) {
                out.putNextEntry(new ZipEntry(name + "/"));
                out.closeEntry();
            } else if (Files.isRegularFile(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    out.putNextEntry(new ZipEntry(name));
                    in.transferTo(out);
                    out.closeEntry();
                    if (name.equals("PG_VERSION")) {
                        FailPoints.reach("backup.base.mid-copy");
                    }
                } catch (NoSuchFileException dropped) {
                    // a table dropped during the copy: the WAL replays the drop
                }
            }
        }
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Override
    public List<String> readySegments() throws IOException {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".part")).sorted().toList();
        }
    }

    @Override
    public InputStream openSegment(String name) throws IOException {
        return Files.newInputStream(spool.resolve(name));
    }

    @Override
    public void segmentKept(String name) throws IOException {
        Files.deleteIfExists(spool.resolve(name));
    }

    @Override
    public void switchSegment() {
        try (Connection c = database.ownerConnection(); Statement s = c.createStatement()) {
            String closed;
            try (ResultSet rs = s.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
                rs.next();
                closed = rs.getString(1);
            }
            // the archiver works on its own: wait until it has handed the closed segment over
            Instant deadline = clock.instant().plusSeconds(60);
            while (clock.instant().isBefore(deadline)) {
                try (ResultSet rs = s.executeQuery("SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")) {
                    rs.next();
                    if (rs.getString(1).compareTo(closed) >= 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("WAL " + closed + " が60秒以内にアーカイブされません（退避フォルダ " + spool + "）");
        } catch (SQLException e) {
            throw new IllegalStateException("WAL を切り替えられません: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("WAL のアーカイブを待つ間に中断されました", e);
        }
    }

    @Override
    public Map<String, Long> counts() {
        return TableCounts.of(database.dataSource());
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                this.out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
