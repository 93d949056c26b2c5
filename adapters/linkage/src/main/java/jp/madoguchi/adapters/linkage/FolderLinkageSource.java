package jp.madoguchi.adapters.linkage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jp.madoguchi.application.port.out.LinkageFile;
import jp.madoguchi.application.port.out.LinkageSource;
import jp.madoguchi.application.port.out.LocalCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A drop folder on a file share. Imported files move to {@code archive/<連携ID>/}, refused ones to
 * {@code quarantine/} with a {@code .errors.txt} report beside them. Hidden and {@code .part} files are never
 * touched: a writer is still busy with them.
 */
public final class FolderLinkageSource implements LinkageSource {

    private static final Logger LOG = LoggerFactory.getLogger(FolderLinkageSource.class);
    static final String MARKER = ".end";

    private final Path folder;
    private final boolean requireMarker;

    public FolderLinkageSource(Path folder, boolean requireMarker) {
        this.folder = folder.toAbsolutePath().normalize();
        this.requireMarker = requireMarker;
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
        moveAside(file, folder.resolve("archive").resolve(file.linkageId()));
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

    private Path moveAside(LinkageFile file, Path into) {
        try {
            Files.createDirectories(into);
            Path target = into.resolve(file.name());
            for (int n = 1; Files.exists(target); n++) {
                target = into.resolve(file.name() + "." + n);
            }
            Files.move(Path.of(file.location()), target, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(folder.resolve(file.name() + MARKER));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("連携ファイルを移動できません: " + file.location(), e);
        }
    }
}
