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
import java.util.List;
import java.util.function.LongConsumer;

import jp.madoguchi.adapters.linkage.layout.LayoutColumn;
import jp.madoguchi.adapters.linkage.layout.LinkageLayout;
import jp.madoguchi.application.port.out.LinkageProblem;
import jp.madoguchi.domain.calendar.EraTable;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads a linkage file through its layout: RFC 4180 CSV in the layout's encoding (a UTF-8 BOM is accepted and
 * skipped; bytes that are not valid in the encoding are an error, never replaced), a header row matched by
 * column name in any order. Unknown columns are ignored with a warning; a missing 必須 column or a data item
 * the dataset needs but the layout does not map rejects the file before any row is read.
 * <p>
 * Parsing is FastCSV's: in a FULL import of a million rows the reading thread feeds every other stage, and
 * Commons CSV (a character at a time through a StringBuilder) kept it busy for about twice as long.
 */
final class LinkageReader implements AutoCloseable {

    private final CsvReader<CsvRecord> parser;
    private final CloseableIterator<CsvRecord> records;
    private final LinkageRow row;
    private final java.util.function.Supplier<LinkageRow> rows;
    private final List<String> warnings = new ArrayList<>();
    private final CountingStream counting;
    private final LongConsumer progress;
    private final int operationCell;
    private long lastReported;
    private long lastLine = 1;

    private LinkageReader(CsvReader<CsvRecord> parser, CloseableIterator<CsvRecord> records, java.util.function.Supplier<LinkageRow> rows, CountingStream counting,
                          LongConsumer progress, int operationCell) {
        this.parser = parser;
        this.records = records;
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
            // RFC 4180; a row with fewer or more cells than the header is the row's problem, not the file's
            CsvReader<CsvRecord> parser = CsvReader.builder().skipEmptyLines(true).allowMissingFields(true)
                    .allowExtraFields(true).ofCsvRecord(reader);
            CloseableIterator<CsvRecord> records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(new LinkageProblem(0, "", "ファイルが空です（ヘッダー行がありません）", null));
                parser.close();
                return null;
            }
            String[] header = records.next().getFields().toArray(String[]::new);
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
            return new LinkageReader(parser, records, () -> new LinkageRow(dataset, columns, cellOf, eras, problems), counting,
                    progress, operationCell);
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            problems.add(new LinkageProblem(1, "", encodingOrFormat(e, layout), null));
            return null;
        }
    }

    private static String encodingOrFormat(Exception e, LinkageLayout layout) {
        if (codingError(e)) {
            return "ヘッダー行の文字コードが " + layout.charset().displayName() + " ではありません（レイアウトの「文字コード」を確認してください）";
        }
        return "ファイルを CSV として読めません: " + innermost(e).getMessage();
    }

    private static boolean codingError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
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
        List<String> cells = record.cells();
        boolean deletion = deletionAllowed && operationCell >= 0 && operationCell < cells.size()
                && "3".equals(cells.get(operationCell));
        row.load(record.line(), cells, deletion);
        return row;
    }

    /** One data record as read, before any checking: for loaders that check rows on other threads. */
    record Record(long line, List<String> cells) {
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
            CsvRecord record = records.next();
            if (!records.hasNext() && counting.insideQuotes()) {
                // FastCSV ends an open quoted field at the end of the file; RFC 4180 has no such record
                throw new MalformedFileException(record.getStartingLineNumber(),
                        "CSV の形式が崩れています: 引用符（\"）が閉じられないままファイルが終わっています");
            }
            if (counting.count - lastReported > (1 << 22)) {
                lastReported = counting.count;
                progress.accept(counting.count);
            }
            // the line the record starts on, as an editor counts them
            lastLine = record.getStartingLineNumber();
            return new Record(lastLine, record.getFields());
        } catch (UncheckedIOException | CsvParseException e) {
            throw new MalformedFileException(lastLine + 1, codingError(e) ? "文字コードが正しくない文字があります"
                    : "CSV の形式が崩れています（引用符の閉じ忘れなど）: " + innermost(e).getMessage());
        }
    }

    /** The 処理区分 of the current row, or null. */
    String operation() {
        return row.value(ReplicaDataset.OPERATION);
    }

    @Override
    public void close() {
        try {
            records.close();
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

    /**
     * Counts the bytes read, and follows RFC 4180's quoting over them: whether the bytes so far end inside a quoted
     * field. Bytes will do, as a quote, comma or line feed is never part of a UTF-8 or MS932 character. A quote in
     * the middle of an unquoted field is just a character, as the parser reads it too.
     */
    private static final class CountingStream extends FilterInputStream {
        private static final int FIELD_START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE_IN_QUOTED = 3;   // a closing quote, or the first of a doubled one
        long count;
        private int state = FIELD_START;
        private long marked;
        private int markedState;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
                follow(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                for (int i = off; i < off + n; i++) {
                    follow(b[i]);
                }
            }
            return n;
        }

        private void follow(int b) {
            boolean separator = b == ',' || b == '\n';
            state = switch (state) {
                case FIELD_START -> b == '"' ? QUOTED : separator || b == '\r' ? FIELD_START : UNQUOTED;
                case UNQUOTED -> separator ? FIELD_START : UNQUOTED;
                case QUOTED -> b == '"' ? QUOTE_IN_QUOTED : QUOTED;
                default -> b == '"' ? QUOTED : separator ? FIELD_START : UNQUOTED;
            };
        }

        /** The bytes so far end inside a quoted field: at the end of the file, a quote left open. */
        boolean insideQuotes() {
            return state == QUOTED;
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            marked = count;
            markedState = state;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = marked;
            state = markedState;
        }
    }
}
