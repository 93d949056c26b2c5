package jp.madoguchi.adapters.export.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jp.madoguchi.application.port.out.BackupStore;

/**
 * Backups in a folder (best on another disk or a mounted file server). A file is written as {@code .name.part},
 * forced to disk and then renamed, so the folder only ever shows whole files; everything is owner-only.
 */
public final class FolderBackupStore implements BackupStore {

    private static final String PART = ".part";
    private static final Set<StandardOpenOption> NEW_FILE = Set.of(
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);

    private final Path root;

    public FolderBackupStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void write(String name, Content content) throws IOException {
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        Path partial = target.resolveSibling("." + target.getFileName() + PART);
        try (FileChannel channel = FileChannel.open(partial, NEW_FILE,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            OutputStream out = new FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    this.out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();   // the store closes the file itself, once it is on the disk
                }
            };
            content.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(target.getParent());
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name));
    }

    @Override
    public List<StoredFile> list(String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (name.startsWith(prefix) && !path.getFileName().toString().endsWith(PART)) {
                    files.add(new StoredFile(name, Files.size(path), Files.getLastModifiedTime(path).toInstant()));
                }
            }
        }
        files.sort(Comparator.comparing(StoredFile::name));
        return files;
    }

    @Override
    public void delete(String name) throws IOException {
        Path path = resolve(name);
        Files.deleteIfExists(path);
        Path parent = path.getParent();
        try (Stream<Path> rest = Files.list(parent)) {
            if (!parent.equals(root) && rest.findAny().isEmpty()) {
                Files.delete(parent);
            }
        }
    }

    @Override
    public void removeUnfinished(Instant before) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(p -> p.getFileName().toString().endsWith(PART)).toList()) {
                if (Files.getLastModifiedTime(path).toInstant().isBefore(before)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Override
    public String location() {
        return root.toString();
    }

    private Path resolve(String name) {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("バックアップ先の外を指す名前です: " + name);
        }
        return path;
    }

    /** The rename itself survives a power cut only once the folder is forced too. */
    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

}
