package jp.madoguchi.adapters.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.out.BackOfficeExport;
import jp.madoguchi.application.port.out.ExportReceipt;
import jp.madoguchi.application.port.out.ExportRecord;

/**
 * Back-office hand-off into a folder an RPA robot or the core system watches: one CSV file per reception
 * (header and one row, UTF-8 with BOM, CRLF), named after its layout and key.
 *
 * <p>A reader never sees half a file: the bytes go to a hidden temporary file, are synced to disk, and the
 * file is then renamed atomically. The name is the idempotency key: a reception delivered again finds its
 * file and writes nothing.
 */
public class RpaFolderCsvExport implements BackOfficeExport {

    private final Path folder;

    public RpaFolderCsvExport(Path folder) {
        this.folder = folder;
    }

    @Override
    public ExportReceipt deliver(ExportRecord record) {
        String name = HandoffCsv.fileName(record);
        Path target = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            if (Files.exists(target)) {
                return new ExportReceipt(target.toString(), HandoffCsv.sha256(Files.readAllBytes(target)), true);
            }
            byte[] content = HandoffCsv.content(record);
            Path temporary = folder.resolve("." + name + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                buffer.limit(content.length / 2);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                FailPoints.reach("export.rpa.mid-write");
                buffer.limit(content.length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return new ExportReceipt(target.toString(), HandoffCsv.sha256(content), false);
        } catch (IOException e) {
            throw new UncheckedIOException("連携フォルダ " + folder + " に書き込めません（" + e.getMessage() + "）", e);
        }
    }
}
