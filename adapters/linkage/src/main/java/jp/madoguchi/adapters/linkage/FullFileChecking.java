package jp.madoguchi.adapters.linkage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.application.port.out.LinkageProblem;

/**
 * The reading and checking of a FULL file: the calling thread reads CSV records and hands them over in batches;
 * {@code threads} checkers check, map, seal and encode them and pass each batch's rows on as one chunk. As soon as
 * any problem is found no more chunks are passed on, but every row is still checked so the report is complete.
 */
final class FullFileChecking {

    private static final int BATCH = 2_000;

    /** Where the checked rows go: a COPY, or nowhere when the path is only being warmed up. */
    @FunctionalInterface
    interface Chunks {
        /** Takes the buffer's rows (emptying it); called by one checker at a time. */
        void take(CopyBuffer rows) throws SQLException;
    }

    private final ReplicaDataset dataset;
    private final ReplicaDataset.Context context;
    private final List<CopyBuffer.ColumnType> types;
    private final int threads;
    private final ProblemList problems;

    FullFileChecking(ReplicaDataset dataset, ReplicaDataset.Context context, List<CopyBuffer.ColumnType> types,
                     int threads, ProblemList problems) {
        this.dataset = dataset;
        this.context = context;
        this.types = types;
        this.threads = Math.max(1, threads);
        this.problems = problems;
    }

    /**
     * Reads every record of {@code reader}.
     *
     * @return the number of data rows read
     * @throws LinkageReader.MalformedFileException when the file cannot be read to its end
     */
    long run(LinkageReader reader, Chunks chunks) throws InterruptedException, ExecutionException {
        SeenKeys keys = new SeenKeys();
        ExecutorService checkers = Executors.newFixedThreadPool(threads);
        try {
            BlockingQueue<List<LinkageReader.Record>> batches = new ArrayBlockingQueue<>(threads * 4);
            List<LinkageReader.Record> poison = List.of();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                LinkageRow row = reader.newRow();
                running.add(checkers.submit(() -> {
                    check(row, keys, batches, poison, new CopyBuffer(types), chunks);
                    return null;
                }));
            }
            long rows = 0;
            try {
                List<LinkageReader.Record> batch = new ArrayList<>(BATCH);
                for (LinkageReader.Record record; (record = reader.nextRecord()) != null; ) {
                    rows++;
                    batch.add(record);
                    if (batch.size() == BATCH) {
                        put(batches, batch, running);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                put(batches, batch, running);
            } finally {
                // one end marker per checker; a full queue drains as they work, unless they have all stopped
                for (int i = 0; i < threads; i++) {
                    while (!batches.offer(poison, 100, TimeUnit.MILLISECONDS)) {
                        if (running.stream().allMatch(Future::isDone)) {
                            break;
                        }
                    }
                }
            }
            for (Future<?> future : running) {
                future.get();
            }
            return rows;
        } finally {
            checkers.shutdownNow();
        }
    }

    /** Hands a batch to the checkers, unless one of them has failed (then its error surfaces at {@code get}). */
    private static void put(BlockingQueue<List<LinkageReader.Record>> batches, List<LinkageReader.Record> batch,
                            List<Future<?>> running) throws InterruptedException, ExecutionException {
        while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            for (Future<?> future : running) {
                if (future.isDone()) {
                    future.get();
                    throw new IllegalStateException("検証処理が終了しました");
                }
            }
        }
    }

    private void check(LinkageRow row, SeenKeys keys, BlockingQueue<List<LinkageReader.Record>> batches,
                       List<LinkageReader.Record> poison, CopyBuffer buffer, Chunks chunks)
            throws InterruptedException, SQLException {
        ReplicaDataset.Values values = new ReplicaDataset.Values(dataset.columns().size());
        for (List<LinkageReader.Record> batch; (batch = batches.take()) != poison; ) {
            for (LinkageReader.Record record : batch) {
                row.load(record.line(), record.cells(), false);
                values.reset();
                if (!row.clean() || !dataset.mapper().map(row, values, context)) {
                    continue;
                }
                String key = dataset.key(row);
                long other = keys.firstSeen(key, row.line());
                if (other >= 0) {
                    // reported on the later line, whichever thread saw it first
                    problems.add(new LinkageProblem(Math.max(other, row.line()), dataset.keyItems().get(0),
                            "キー（" + String.join("・", dataset.keyItems()) + "）が " + Math.min(other, row.line())
                                    + " 行目と重複しています", key));
                    continue;
                }
                buffer.row(values.values);
            }
            if (problems.isEmpty() && buffer.length() > 0) {
                synchronized (chunks) {
                    chunks.take(buffer);
                }
            } else {
                buffer.discard();
            }
        }
    }
}
