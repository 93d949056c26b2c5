package jp.madoguchi.adapters.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jp.madoguchi.domain.shared.CsvCells;
import jp.madoguchi.application.port.out.ExportRecord;

/**
 * One record as the file every target writes: a header of the layout's column names and one row, every field quoted
 * (RFC 4180), a would-be formula neutralised ({@link CsvCells}), CRLF, UTF-8 with BOM (as RPA tools and Excel read
 * it); named after the layout and the record's key.
 */
final class HandoffCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private HandoffCsv() {
    }

    static String fileName(ExportRecord record) {
        return record.layout() + "_" + record.key().replaceAll("[^0-9A-Za-z_-]", "_") + ".csv";
    }

    static byte[] content(ExportRecord record) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).lineDelimiter(LineDelimiter.CRLF)
                .build(text)) {
            csv.writeRecord(CsvCells.safe(record.columns().keySet()));
            csv.writeRecord(CsvCells.safe(record.columns().values()));
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
