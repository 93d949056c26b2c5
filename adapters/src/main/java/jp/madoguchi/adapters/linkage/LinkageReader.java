package jp.madoguchi.adapters.linkage;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

import jp.madoguchi.adapters.linkage.layout.LayoutColumn;
import jp.madoguchi.adapters.linkage.layout.LinkageLayout;
import jp.madoguchi.application.port.out.LinkageProblem;
import jp.madoguchi.domain.calendar.EraTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a linkage file through its layout: RFC 4180 CSV in the layout's encoding (a UTF-8 BOM is accepted and
 * skipped; bytes that are not valid in the encoding are an error, never replaced), a header row matched by
 * column name in any order. Unknown columns are ignored with a warning; a missing 必須 column or a data item
 * the dataset needs but the layout does not map rejects the file before any row is read.
 */
final class LinkageReader implements AutoCloseable {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final LinkageRow row;
    private final java.util.function.Supplier<LinkageRow> rows;
    private final List<String> warnings = new ArrayList<>();
    private final CountingStream counting;
    private final LongConsumer progress;
    private final int operationCell;
    private long lastReported;

    private LinkageReader(CSVParser parser, java.util.function.Supplier<LinkageRow> rows, CountingStream counting,
                          LongConsumer progress, int operationCell) {
        this.parser = parser;
        this.records = parser.iterator();
        this.rows = rows;
        this.row = rows.get();
        this.counting = counting;
        this.progress = progress;
        this.operationCell = operationCell;
    }

    /**
     * Opens {@code file}; problems with the file as a whole go to {@code problems} and the result is then null.
     */
    static LinkageReader open(Path file, LinkageLayout layout, ReplicaDataset dataset, EraTable eras,
                              ProblemList problems, List<String> warnings, LongConsumer progress) {
        try {
            CountingStream counting = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            counting.mark(3);
            byte[] bom = counting.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                counting.reset();
            }
            Reader reader = new InputStreamReader(counting, layout.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(new LinkageProblem(0, "", "ファイルが空です（ヘッダー行がありません）", null));
                parser.close();
                return null;
            }
            String[] header = records.next().values();
            LayoutColumn[] columns = new LayoutColumn[dataset.items().size()];
            int[] cellOf = new int[columns.length];
            Arrays.fill(cellOf, -1);
            int operationCell = -1;
            for (int cell = 0; cell < header.length; cell++) {
                String name = header[cell].strip();
                var column = layout.columnNamed(name);
                if (column.isEmpty()) {
                    warnings.add("列「" + name + "」はレイアウトにないため読み飛ばしました");
                    continue;
                }
                if (column.get().ignored()) {
                    continue;
                }
                int item = dataset.indexOf(column.get().item());
                if (item < 0) {
                    warnings.add("レイアウトのデータ項目「" + column.get().item() + "」は " + dataset.linkageId() + " にない項目のため読み飛ばしました");
                    continue;
                }
                if (cellOf[item] >= 0) {
                    problems.add(new LinkageProblem(1, name, "同じデータ項目の列が2つあります", null));
                }
                columns[item] = column.get();
                cellOf[item] = cell;
                if (ReplicaDataset.OPERATION.equals(column.get().item())) {
                    operationCell = cell;
                }
            }
            for (LayoutColumn column : layout.columns()) {
                if (column.required() && Arrays.stream(header).map(String::strip).noneMatch(column.header()::equals)) {
                    problems.add(new LinkageProblem(1, column.header(), "必須の列がヘッダーにありません", null));
                }
            }
            for (String item : dataset.requiredItems()) {
                if (layout.columnFor(item).isEmpty()) {
                    problems.add(new LinkageProblem(0, "", "レイアウトにデータ項目「" + item + "」の列がありません（レイアウトを確認してください）", null));
                }
            }
            if (!problems.isEmpty()) {
                parser.close();
                return null;
            }
            return new LinkageReader(parser, () -> new LinkageRow(dataset, columns, cellOf, eras, problems), counting,
                    progress, operationCell);
        } catch (CharacterCodingException e) {
            problems.add(new LinkageProblem(1, "", "ヘッダー行の文字コードが " + layout.charset().displayName() + " ではありません", null));
            return null;
        } catch (IOException | UncheckedIOException e) {
            problems.add(new LinkageProblem(0, "", encodingOrFormat(e, layout), null));
            return null;
        }
    }

    private static String encodingOrFormat(Exception e, LinkageLayout layout) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return "文字コードが " + layout.charset().displayName() + " ではありません（レイアウトの「文字コード」を確認してください）";
        }
        return "ファイルを CSV として読めません: " + cause.getMessage();
    }

    List<String> warnings() {
        return warnings;
    }

    /**
     * The next data row, or null at the end.
     *
     * @param deletionAllowed whether a 処理区分 3 row may leave non-key items empty (DIFF files)
     * @throws MalformedFileException when the file breaks off or changes encoding mid-way
     */
    LinkageRow next(boolean deletionAllowed) {
        Record record = nextRecord();
        if (record == null) {
            return null;
        }
        String[] cells = record.cells();
        boolean deletion = deletionAllowed && operationCell >= 0 && operationCell < cells.length
                && "3".equals(cells[operationCell]);
        row.load(record.line(), cells, deletion);
        return row;
    }

    /** One data record as read, before any checking: for loaders that check rows on other threads. */
    record Record(long line, String[] cells) {
    }

    /** A row to check records with; one per thread. */
    LinkageRow newRow() {
        return rows.get();
    }

    /**
     * The next record, unchecked, or null at the end.
     *
     * @throws MalformedFileException when the file breaks off or changes encoding mid-way
     */
    Record nextRecord() {
        try {
            if (!records.hasNext()) {
                progress.accept(counting.count);
                return null;
            }
            CSVRecord record = records.next();
            if (counting.count - lastReported > (1 << 22)) {
                lastReported = counting.count;
                progress.accept(counting.count);
            }
            // the header is line 1 and every record one line: the numbers people see in an editor
            return new Record(record.getRecordNumber(), record.values());
        } catch (UncheckedIOException e) {
            throw new MalformedFileException(parser.getRecordNumber() + 1, e.getCause() instanceof CharacterCodingException
                    ? "文字コードが正しくない文字があります" : "CSV の形式が崩れています（引用符の閉じ忘れなど）: " + e.getCause().getMessage());
        } catch (IllegalStateException e) {
            throw new MalformedFileException(parser.getRecordNumber() + 1, "CSV の形式が崩れています: " + e.getMessage());
        }
    }

    /** The 処理区分 of the current row, or null. */
    String operation() {
        return row.value(ReplicaDataset.OPERATION);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // reading is over; nothing to keep
        }
    }

    /** The file cannot be read further: what was read so far does not count. */
    static final class MalformedFileException extends RuntimeException {
        final long line;

        MalformedFileException(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;
        private long marked;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            marked = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = marked;
        }
    }
}
