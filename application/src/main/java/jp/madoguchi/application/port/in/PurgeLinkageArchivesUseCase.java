package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.List;

/**
 * 連携ファイルの保管期間: the imported linkage files kept (sealed) in the archives of the drop folder and the bucket are
 * removed once they are older than the retention the city set (default 30 days) — they hold the whole registry, and
 * the replica in the database is what the system works from.
 */
public interface PurgeLinkageArchivesUseCase {

    ArchivePurge purge();

    /**
     * @param before   files archived before this were removed
     * @param removed  how many
     * @param failures a source that could not be tidied, with the reason (the next night tries again)
     */
    record ArchivePurge(Instant before, int removed, List<String> failures) {
        public ArchivePurge {
            failures = List.copyOf(failures);
        }
    }
}
