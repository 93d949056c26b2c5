package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.application.port.out.BackupHistory.BackupRun;

/**
 * バックアップ: a base copy of the database sealed with the backup key into the backup store, checked by restoring
 * it into a scratch copy; and the WAL shipped there continuously, so a restore reaches any moment since.
 */
public interface BackUpDatabaseUseCase {

    /** Takes, stores and checks a backup, then removes those past the retention period. */
    BackupRun backUp();

    /**
     * Seals the WAL segments the database has handed over into the store.
     *
     * @param now whether to close the current segment first (the newest commits shipped now, not at the timeout)
     * @return how many were shipped
     */
    int shipWal(boolean now);

    List<BackupRun> recent(int limit);

    /** Why backups are not taken here, or empty when they are. */
    String unavailableReason();
}
