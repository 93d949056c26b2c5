package jp.madoguchi.adapters.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import jp.madoguchi.application.port.out.ReportFolder;

/**
 * The reports folder the city sets (a share the 課 reads): each report is written to a hidden temporary file, forced
 * to disk and renamed, so whoever opens the folder sees a whole report or the previous one, never half of one.
 */
public class FolderReports implements ReportFolder {

    private final Path folder;

    public FolderReports(Path folder) {
        this.folder = folder;
    }

    @Override
    public String write(String fileName, byte[] content) {
        Path target = folder.resolve(fileName);
        if (!target.getParent().equals(folder)) {
            throw new IllegalArgumentException("報告書のファイル名にフォルダは含められません: " + fileName);
        }
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve("." + fileName + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("報告書の出力先 " + folder + " に書き込めません（" + e.getMessage() + "）", e);
        }
    }
}
