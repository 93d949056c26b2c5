package jp.madoguchi.application.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.RestoreDatabaseUseCase;
import jp.madoguchi.application.port.out.BackupStore;
import jp.madoguchi.application.port.out.DatabaseRecovery;
import jp.madoguchi.application.port.out.DatabaseRecovery.Restored;
import jp.madoguchi.application.port.out.FileSealing;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Restores from the newest base copy finished before the moment asked for (a copy is consistent only from its end),
 * replaying the archived WAL from that copy's start to the moment, or to the newest segment archived.
 */
public final class RestoreDatabaseService implements RestoreDatabaseUseCase {

    private final DatabaseRecovery recovery;
    private final BackupStore store;
    private final FileSealing sealing;
    private final DateTimeFormatter shown;

    /** @param clock for its zone: times in messages are the city's */
    public RestoreDatabaseService(DatabaseRecovery recovery, BackupStore store, FileSealing sealing, Clock clock) {
        this.recovery = recovery;
        this.store = store;
        this.sealing = sealing;
        this.shown = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(clock.getZone());
    }

    @Override
    public Restored restore(Optional<Instant> to) {
        try {
            List<BackupManifest> manifests = WalFromStore.manifests(store);
            if (manifests.isEmpty()) {
                throw new Rejection("restore.no-backup", "バックアップ先（" + store.location() + "）にバックアップがありません");
            }
            BackupManifest base = manifests.stream()
                    .filter(m -> to.map(t -> !m.finishedAt().isAfter(t)).orElse(true))
                    .max(Comparator.comparing(BackupManifest::finishedAt))
                    .orElseThrow(() -> new Rejection("restore.too-early", "指定の時刻 " + shown.format(to.orElseThrow())
                            + " より前に終わったバックアップがありません。最も古いバックアップは "
                            + shown.format(manifests.stream().map(BackupManifest::finishedAt).min(Comparator.naturalOrder()).orElseThrow())
                            + " に終わっています"));
            try (InputStream copy = sealing.opening(store.open(base.folder() + "base.zip" + FileSealing.SUFFIX))) {
                return recovery.restore(copy, WalFromStore.between(store, sealing, base.startWal(), null),
                        to.map(DatabaseRecovery.Target::new).orElse(DatabaseRecovery.Target.latest()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("復元できません（" + store.location() + "）: " + e.getMessage(), e);
        }
    }
}
