package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The record of backups taken and checked, shown to administrators and in the metrics. */
public interface BackupHistory {

    void record(BackupRun run);

    List<BackupRun> recent(int limit);

    /** The newest backup whose check passed. */
    Optional<BackupRun> lastVerified();

    /**
     * One backup.
     *
     * @param id        its name in the store ({@code base/<id>/})
     * @param verified  whether restoring it into a scratch copy passed every check
     * @param bytes     the sealed base copy's size
     * @param summary   what was done and found, in Japanese, for the administrator
     */
    record BackupRun(String id, Instant startedAt, Instant finishedAt, boolean verified, long bytes, String summary) {
    }
}
