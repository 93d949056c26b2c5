package jp.madoguchi.adapters.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path folder;

    public RpaFolderCsvExport(Path folder) {
        this.folder = folder;
    }

    @Override
    public ExportReceipt deliver(ExportRecord record) {
        String name = record.layout() + "_" + record.key().replaceAll("[^0-9A-Za-z_-]", "_") + ".csv";
        Path target = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            if (Files.exists(target)) {
                return new ExportReceipt(target.toString(), sha256(Files.readAllBytes(target)), true);
            }
            byte[] content = content(record);
            Path temporary = folder.resolve("." + name + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return new ExportReceipt(target.toString(), sha256(content), false);
        } catch (IOException e) {
            throw new UncheckedIOException("連携フォルダ " + folder + " に書き込めません（" + e.getMessage() + "）", e);
        }
    }

    private static byte[] content(ExportRecord record) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (CsvWriter csv = CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).lineDelimiter(LineDelimiter.CRLF).build(text)) {
            csv.writeRecord(record.columns().keySet());
            csv.writeRecord(record.columns().values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, content, 0, BOM.length);
        System.arraycopy(body, 0, content, BOM.length, body.length);
        return content;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
