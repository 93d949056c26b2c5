package jp.madoguchi.application.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.in.BackUpDatabaseUseCase;
import jp.madoguchi.application.port.out.BackupHistory;
import jp.madoguchi.application.port.out.BackupHistory.BackupRun;
import jp.madoguchi.application.port.out.BackupStore;
import jp.madoguchi.application.port.out.DatabaseBackup;
import jp.madoguchi.application.port.out.DatabaseBackup.BaseCopy;
import jp.madoguchi.application.port.out.DatabaseRecovery;
import jp.madoguchi.application.port.out.DatabaseRecovery.CheckedCopy;
import jp.madoguchi.application.port.out.FileSealing;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Takes a backup, checks it by restoring it into a scratch copy, and keeps the WAL shipped. Everything stored is
 * sealed with the backup key, which is kept apart from the data key: a stolen backup disk opens neither.
 */
public final class BackupService implements BackUpDatabaseUseCase {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Longer than any one write into the store takes. */
    private static final Duration UNFINISHED = Duration.ofHours(1);

    private final DatabaseBackup database;
    private final DatabaseRecovery recovery;
    private final BackupStore store;
    private final FileSealing sealing;
    private final BackupHistory history;
    private final Clock clock;
    private final Duration retention;

    public BackupService(DatabaseBackup database, DatabaseRecovery recovery, BackupStore store, FileSealing sealing,
                         BackupHistory history, Clock clock, Duration retention) {
        this.database = database;
        this.recovery = recovery;
        this.store = store;
        this.sealing = sealing;
        this.history = history;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public String unavailableReason() {
        return database.unavailableReason();
    }

    @Override
    public synchronized BackupRun backUp() {
        String reason = database.unavailableReason();
        if (!reason.isEmpty()) {
            throw new Rejection("backup.unavailable", reason);
        }
        String id = ID.format(clock.instant());
        String folder = "base/" + id + "/";
        try {
            // a write of another server may be under way: only what is older than any write takes
            store.removeUnfinished(clock.instant().minus(UNFINISHED));
            BaseCopy[] taken = new BaseCopy[1];
            store.write(folder + "base.zip" + FileSealing.SUFFIX, out -> {
                try (OutputStream sealed = sealing.sealing(out)) {
                    taken[0] = database.copyBase(sealed);
                }
            });
            BaseCopy copy = taken[0];
            FailPoints.reach("backup.after-base");
            shipWal(false);
            long bytes = store.list(folder + "base.zip").stream().mapToLong(BackupStore.StoredFile::size).sum();
            CheckedCopy checked;
            try (InputStream base = sealing.opening(store.open(folder + "base.zip" + FileSealing.SUFFIX))) {
                checked = recovery.check(base, WalFromStore.between(store, sealing, copy.startWal(), copy.stopWal()));
            }
            Map<String, Long> now = database.counts();
            List<String> problems = problems(copy.countsAtStart(), checked, now);
            boolean verified = problems.isEmpty();
            String summary = verified
                    ? String.format("検証済み: 作業用の複製に復元し、移行は最新、アクセス記録 %,d 件は改ざんなし、件数は取得時と一致（受付 %,d 件）",
                    checked.audit().entries(), checked.counts().getOrDefault("reception", 0L))
                    : "検証で問題が見つかりました: " + String.join("／", problems);
            BackupManifest manifest = BackupManifest.of(id, copy, bytes, verified, summary);
            store.write(folder + BackupManifest.FILE, manifest::write);
            BackupRun run = new BackupRun(id, copy.startedAt(), clock.instant(), verified, bytes, summary);
            FailPoints.reach("backup.before-history");
            history.record(run);
            prune();
            return run;
        } catch (IOException e) {
            BackupRun failed = new BackupRun(id, clock.instant(), clock.instant(), false, 0,
                    "バックアップに失敗しました（" + store.location() + "）: " + e.getMessage());
            history.record(failed);
            throw new UncheckedIOException(failed.summary(), e);
        }
    }

    /** A copy holds at least what was there when it began and at most what is there now (the tables only grow). */
    private static List<String> problems(Map<String, Long> atStart, CheckedCopy checked, Map<String, Long> now) {
        List<String> problems = new ArrayList<>();
        if (!checked.migrationsCurrent()) {
            problems.add("データベースの移行が一致しません（" + checked.migrationFinding() + "）");
        }
        if (!checked.audit().intact()) {
            problems.add("アクセス記録: " + checked.audit().finding());
        }
        atStart.forEach((table, before) -> {
            long copied = checked.counts().getOrDefault(table, -1L);
            long after = now.getOrDefault(table, Long.MAX_VALUE);
            if (copied < before || copied > after) {
                problems.add(String.format("%s の件数 %,d が取得開始時 %,d〜現在 %,d の範囲外", table, copied, before, after));
            }
        });
        return problems;
    }

    @Override
    public synchronized int shipWal(boolean now) {
        if (!database.unavailableReason().isEmpty()) {
            return 0;
        }
        if (now) {
            database.switchSegment();
        }
        try {
            int shipped = 0;
            for (String name : database.readySegments()) {
                store.write(WalFromStore.name(name), out -> {
                    try (InputStream segment = database.openSegment(name);
                         OutputStream packed = new GZIPOutputStream(sealing.sealing(out), 1 << 16)) {
                        segment.transferTo(packed);
                        FailPoints.reach("backup.wal.mid-ship");
                    }
                });
                database.segmentKept(name);
                shipped++;
            }
            return shipped;
        } catch (IOException e) {
            throw new UncheckedIOException("WAL をバックアップ先（" + store.location() + "）に送れません: " + e.getMessage(), e);
        }
    }

    /** Base copies a crash left without their manifest (never restorable, never listed): removed once old. */
    private void removeCopiesWithoutManifest(List<BackupManifest> manifests) throws IOException {
        java.util.Set<String> complete = new java.util.HashSet<>();
        manifests.forEach(m -> complete.add(m.folder()));
        Instant old = clock.instant().minus(UNFINISHED);
        for (BackupStore.StoredFile file : store.list("base/")) {
            String folder = file.name().substring(0, file.name().indexOf('/', "base/".length()) + 1);
            if (!complete.contains(folder) && file.written().isBefore(old)) {
                store.delete(file.name());
            }
        }
    }

    @Override
    public List<BackupRun> recent(int limit) {
        return history.recent(limit);
    }

    /**
     * Removes base copies older than the retention period, always keeping the newest verified one, and the WAL that
     * no kept copy needs.
     */
    private void prune() throws IOException {
        List<BackupManifest> manifests = WalFromStore.manifests(store);
        Instant cutoff = clock.instant().minus(retention);
        removeCopiesWithoutManifest(manifests);
        BackupManifest newestVerified = manifests.stream().filter(BackupManifest::verified)
                .max(Comparator.comparing(BackupManifest::finishedAt)).orElse(null);
        List<BackupManifest> kept = new ArrayList<>();
        for (BackupManifest m : manifests) {
            if (m.finishedAt().isBefore(cutoff) && m != newestVerified) {
                for (BackupStore.StoredFile f : store.list(m.folder())) {
                    store.delete(f.name());
                }
            } else {
                kept.add(m);
            }
        }
        String oldestNeeded = kept.stream().map(BackupManifest::startWal).min(Comparator.naturalOrder()).orElse(null);
        if (oldestNeeded == null) {
            return;
        }
        for (BackupStore.StoredFile f : store.list(WalFromStore.FOLDER)) {
            String segment = WalFromStore.segmentOf(f.name());
            if (!segment.endsWith(".history") && segment.compareTo(oldestNeeded) < 0) {
                store.delete(f.name());
            }
        }
    }
}
