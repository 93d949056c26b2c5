package jp.madoguchi.application.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import jp.madoguchi.application.port.out.BackupStore;
import jp.madoguchi.application.port.out.DatabaseRecovery.WalArchive;
import jp.madoguchi.application.port.out.FileSealing;

/** The archived WAL in the backup store ({@code wal/<segment>.gz.sealed}), as a recovery replays it. */
final class WalFromStore implements WalArchive {

    static final String FOLDER = "wal/";
    private static final String SUFFIX = ".gz" + FileSealing.SUFFIX;

    private final BackupStore store;
    private final FileSealing sealing;
    private final List<String> names;

    private WalFromStore(BackupStore store, FileSealing sealing, List<String> names) {
        this.store = store;
        this.sealing = sealing;
        this.names = List.copyOf(names);
    }

    /** The segments from {@code first} to {@code last} (all from {@code first} on when null), with every history file. */
    static WalFromStore between(BackupStore store, FileSealing sealing, String first, String last) throws IOException {
        List<String> names = new ArrayList<>();
        for (BackupStore.StoredFile file : store.list(FOLDER)) {
            String segment = segmentOf(file.name());
            boolean history = segment.endsWith(".history");
            if (history || segment.compareTo(first) >= 0 && (last == null || segment.compareTo(last) <= 0)) {
                names.add(segment);
            }
        }
        return new WalFromStore(store, sealing, names);
    }

    static String name(String segment) {
        return FOLDER + segment + SUFFIX;
    }

    static String segmentOf(String storedName) {
        String name = storedName.substring(FOLDER.length());
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    /** Every base copy's manifest, oldest first. */
    static List<BackupManifest> manifests(BackupStore store) throws IOException {
        List<BackupManifest> manifests = new ArrayList<>();
        for (BackupStore.StoredFile file : store.list("base/")) {
            if (file.name().endsWith("/" + BackupManifest.FILE)) {
                try (InputStream in = store.open(file.name())) {
                    manifests.add(BackupManifest.read(in));
                }
            }
        }
        return manifests;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void copy(String segment, Path to) throws IOException {
        Path partial = to.resolveSibling(to.getFileName() + ".part");
        try (InputStream in = new GZIPInputStream(sealing.opening(store.open(name(segment))), 1 << 16)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
