package jp.madoguchi.application.port.out;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A linkage file on local disk, ready to be read; a temporary download is deleted on close. */
public record LocalCopy(Path path, boolean temporary) implements AutoCloseable {

    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("一時ファイルを削除できません: " + path, e);
            }
        }
    }
}
