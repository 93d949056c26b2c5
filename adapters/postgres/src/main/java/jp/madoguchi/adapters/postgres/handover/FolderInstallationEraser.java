package jp.madoguchi.adapters.postgres.handover;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jp.madoguchi.application.port.out.InstallationEraser;
import org.flywaydb.core.Flyway;

/**
 * Erases an installation's folders and its database: the embedded database's folder deleted with the server stopped
 * (or, for a city's own PostgreSQL, every object Madoguchi made dropped), the other folders deleted, and the keys
 * overwritten with random bytes before they are deleted. On a solid-state disk overwriting proves little; what makes
 * the sealed data (個人番号, archives, backups) unreadable for certain is that its keys are gone.
 */
public final class FolderInstallationEraser implements InstallationEraser {

    static final String KEYS = "鍵";

    /** A folder to erase and what it is. */
    public record Target(String kind, Path folder) {
    }

    private final Path embeddedDatabase;
    private final String externalUrl;
    private final String externalOwner;
    private final String externalOwnerPassword;
    private final List<Target> folders;
    private final Path keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param embeddedDatabase the embedded database's folder, or null with an external one
     * @param externalUrl      the external database (null with the embedded one), erased with its owner's login
     * @param folders          the other folders (backups, archives, exports, logs), in the order to erase
     * @param keys             the folder of keys, erased last
     */
    public FolderInstallationEraser(Path embeddedDatabase, String externalUrl, String externalOwner,
                                    String externalOwnerPassword, List<Target> folders, Path keys) {
        this.embeddedDatabase = embeddedDatabase;
        this.externalUrl = externalUrl;
        this.externalOwner = externalOwner;
        this.externalOwnerPassword = externalOwnerPassword;
        this.folders = List.copyOf(folders);
        this.keys = keys;
    }

    @Override
    public List<Item> survey() throws IOException {
        List<Item> items = new ArrayList<>();
        if (embeddedDatabase != null) {
            if (Files.exists(embeddedDatabase.resolve("postmaster.pid"))) {
                throw new IllegalStateException("データベース（" + embeddedDatabase + "）が使用中です。サーバーとコマンドを止めてから消去してください");
            }
            items.add(item("データベース", embeddedDatabase, "サーバー停止後にフォルダごと削除"));
        } else {
            items.add(new Item("データベース", externalUrl.replaceAll("password=[^&]*", "password=***"), 0, 0,
                    "Madoguchi が作ったすべてのオブジェクトを削除（Flyway clean）"));
        }
        for (Target target : folders) {
            if (Files.exists(target.folder())) {
                items.add(item(target.kind(), target.folder(), "削除"));
            }
        }
        if (Files.exists(keys)) {
            items.add(item(KEYS, keys, "乱数で上書きし、ディスクに確定してから削除"));
        }
        return items;
    }

    @Override
    public void destroy(List<Item> items) throws IOException {
        for (Item item : items) {
            if (item.kind().equals(KEYS)) {
                continue;   // last: until the data is gone, a failure must leave it readable by its owner
            }
            if (item.kind().equals("データベース") && embeddedDatabase == null) {
                Flyway.configure().dataSource(externalUrl, externalOwner, externalOwnerPassword)
                        .locations("classpath:db/migration").cleanDisabled(false).load().clean();
            } else {
                deleteTree(Path.of(item.where()), false);
            }
        }
        if (items.stream().anyMatch(i -> i.kind().equals(KEYS))) {
            deleteTree(keys, true);
        }
    }

    private Item item(String kind, Path folder, String method) throws IOException {
        long[] counts = new long[2];
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                counts[0]++;
                try {
                    counts[1] += Files.size(p);
                } catch (IOException ignored) {
                    // a file gone meanwhile counts as nothing
                }
            });
        }
        return new Item(kind, folder.toString(), counts[0], counts[1], method);
    }

    private void deleteTree(Path folder, boolean overwrite) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            if (overwrite && Files.isRegularFile(path)) {
                overwrite(path);
            }
            Files.deleteIfExists(path);
        }
    }

    private void overwrite(Path file) throws IOException {
        long size = Files.size(file);
        byte[] noise = new byte[(int) Math.min(Math.max(size, 1), 1 << 20)];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (long written = 0; written < size; written += noise.length) {
                random.nextBytes(noise);
                channel.write(java.nio.ByteBuffer.wrap(noise, 0, (int) Math.min(noise.length, size - written)), written);
            }
            channel.force(true);
        }
    }
}
