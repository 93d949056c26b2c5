package jp.madoguchi.application.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the database from a base copy and the archived WAL: into a scratch folder to check a backup, or into the
 * installation's data folder to restore it (the server stopped).
 */
public interface DatabaseRecovery {

    /**
     * Restores into a scratch folder, replays the WAL only until the copy is consistent, checks it and removes it.
     *
     * @param base the base copy's ZIP
     */
    CheckedCopy check(InputStream base, WalArchive wal) throws IOException;

    /**
     * Restores into the installation's data folder, which must not be in use. The folder there is moved aside first
     * (never deleted), its new name returned in the result.
     */
    Restored restore(InputStream base, WalArchive wal, Target target) throws IOException;

    /** The archived WAL segments a recovery may replay, opened by name. */
    interface WalArchive {

        /** The segment and history names available, in order. */
        List<String> names();

        /** Writes the plain segment to {@code to}. */
        void copy(String name, Path to) throws IOException;
    }

    /** How far to replay: to a moment (PITR) or to the end of the archived WAL. */
    record Target(Instant time) {

        public static Target latest() {
            return new Target(null);
        }

        public boolean isLatest() {
            return time == null;
        }
    }

    /** What a scratch restore showed. */
    record CheckedCopy(Map<String, Long> counts, boolean migrationsCurrent, String migrationFinding,
                       AuditVerification audit) {
    }

    /**
     * A finished restore.
     *
     * @param setAside        where the data folder that was there has been moved, or null when there was none
     * @param newestReception when the newest visit the restored database holds was opened, or null when none
     */
    record Restored(Path setAside, Instant newestReception, Map<String, Long> counts) {
    }
}
