package jp.madoguchi.adapters.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.out.FileSealing;
import jp.madoguchi.application.port.out.LinkageFile;
import jp.madoguchi.application.port.out.LinkageSource;
import jp.madoguchi.application.port.out.LocalCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A drop folder on a file share. Imported files are kept sealed with the data key in
 * {@code archive/<連携ID>/<file>.sealed} (owner-only, until {@link #purgeArchive} removes them after the retention the
 * city sets) and the plain file is removed; refused ones move to {@code quarantine/} with a {@code .errors.txt}
 * report beside them, for a person to look at. Hidden and {@code .part} files are never touched: a writer is still
 * busy with them.
 */
public final class FolderLinkageSource implements LinkageSource {

    private static final Logger LOG = LoggerFactory.getLogger(FolderLinkageSource.class);
    static final String MARKER = ".end";

    private final Path folder;
    private final boolean requireMarker;
    private final FileSealing sealing;

    public FolderLinkageSource(Path folder, boolean requireMarker, FileSealing sealing) {
        this.folder = folder.toAbsolutePath().normalize();
        this.requireMarker = requireMarker;
        this.sealing = sealing;
    }

    @Override
    public String description() {
        return folder.toString();
    }

    @Override
    public List<LinkageFile> pending() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .map(this::named)
                    .flatMap(Optional::stream)
                    .filter(f -> !requireMarker || Files.exists(folder.resolve(f.name() + MARKER)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("取込フォルダを読めません: " + folder, e);
        }
    }

    private Optional<LinkageFile> named(Path path) {
        String name = path.getFileName().toString();
        Optional<LinkageFile> file;
        try {
            file = LinkageFile.named(name, Files.size(path), path.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (file.isEmpty()) {
            LOG.warn("ファイル名が連携ファイルの命名規則（<連携ID>_<YYYYMMDDhhmmss>_<FULL|DIFF>.csv）に合わないため取り込みません: {}", name);
        }
        return file;
    }

    @Override
    public LocalCopy fetch(LinkageFile file) {
        return new LocalCopy(Path.of(file.location()), false);
    }

    @Override
    public void archive(LinkageFile file) {
        Path plain = Path.of(file.location());
        try {
            Path into = Files.createDirectories(folder.resolve("archive").resolve(file.linkageId()));
            Path target = unused(into, file.name() + FileSealing.SUFFIX);
            Path partial = into.resolve("." + target.getFileName() + ".part");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (InputStream in = Files.newInputStream(plain);
                 OutputStream out = sealing.sealing(Files.newOutputStream(partial, StandardOpenOption.WRITE))) {
                in.transferTo(out);
                FailPoints.reach("linkage.archive.mid-seal");
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            FailPoints.reach("linkage.archive.before-delete");
            Files.delete(plain);
            Files.deleteIfExists(folder.resolve(file.name() + MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException("連携ファイルを保管できません: " + file.location(), e);
        }
    }

    @Override
    public int purgeArchive(Instant before) {
        Path archive = folder.resolve("archive");
        if (!Files.isDirectory(archive)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(archive)) {
            int purged = 0;
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(path).toInstant().isBefore(before)) {
                    Files.delete(path);
                    purged++;
                }
            }
            return purged;
        } catch (IOException e) {
            throw new UncheckedIOException("保管フォルダを整理できません: " + archive, e);
        }
    }

    @Override
    public void quarantine(LinkageFile file, String report) {
        Path target = moveAside(file, folder.resolve("quarantine"));
        try {
            Files.writeString(target.resolveSibling(target.getFileName() + ".errors.txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("エラー報告を書けません: " + target, e);
        }
    }

    /** {@code name}, or {@code name.1}, {@code name.2} … when a file of the same name is already there. */
    private static Path unused(Path into, String name) {
        Path target = into.resolve(name);
        for (int n = 1; Files.exists(target); n++) {
            target = into.resolve(name + "." + n);
        }
        return target;
    }

    private Path moveAside(LinkageFile file, Path into) {
        try {
            Files.createDirectories(into);
            Path target = unused(into, file.name());
            Files.move(Path.of(file.location()), target, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(folder.resolve(file.name() + MARKER));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("連携ファイルを移動できません: " + file.location(), e);
        }
    }
}
