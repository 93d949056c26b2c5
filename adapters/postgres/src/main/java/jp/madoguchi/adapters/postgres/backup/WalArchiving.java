package jp.madoguchi.adapters.postgres.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

/**
 * The embedded server's WAL archiving: each finished segment is copied into a spool folder of the installation,
 * forced to disk and renamed (PostgreSQL counts a segment archived only when the command succeeds), and the backup
 * job seals it from there into the backup store. A segment is closed at least every {@code timeout}, which bounds
 * what a lost disk costs (the recovery point).
 */
public final class WalArchiving {

    private WalArchiving() {
    }

    /** The server settings that archive into {@code spool}. */
    public static Map<String, String> settings(Path spool, Duration timeout) {
        Path folder = spool.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("WAL の退避フォルダを用意できません: " + folder, e);
        }
        Path script = script(folder);
        try {
            Files.writeString(script, """
                    #!/bin/sh
                    # PostgreSQL's archive_command (written by Madoguchi): $1 is the segment's path, $2 its name.
                    # A segment already there (the server did not see the last success) passes only if it is the same.
                    set -e
                    spool=%s
                    if [ -f "$spool/$2" ]; then exec cmp -s "$1" "$spool/$2"; fi
                    cp "$1" "$spool/$2.part"
                    sync "$spool/$2.part"
                    mv "$spool/$2.part" "$spool/$2"
                    """.formatted(quoted(folder.toString())));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("WAL のアーカイブ用スクリプトを書けません: " + script, e);
        }
        String command = quoted(script.toString()) + " %p %f";
        return Map.of(
                "archive_mode", "on",
                "archive_command", command,
                "archive_timeout", Long.toString(Math.max(1, timeout.toSeconds())),
                "wal_level", "replica");
    }

    /** The archive command's script, beside the spool. */
    static Path script(Path spool) {
        return spool.toAbsolutePath().normalize().resolveSibling("archive-wal.sh");
    }

    /** A single-quoted shell word. */
    static String quoted(String text) {
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }
}
