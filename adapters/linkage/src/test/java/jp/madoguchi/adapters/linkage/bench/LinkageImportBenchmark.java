package jp.madoguchi.adapters.linkage.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import jp.madoguchi.adapters.linkage.PostgresReplicaLoader;
import jp.madoguchi.adapters.linkage.layout.LinkageLayouts;
import jp.madoguchi.adapters.postgres.ManagedDatabase;
import jp.madoguchi.adapters.postgres.testing.Fixtures;
import jp.madoguchi.application.port.out.LinkageFile;
import jp.madoguchi.application.port.out.LoadOutcome;
import jp.madoguchi.application.port.out.LoadRequest;
import jp.madoguchi.demo.SyntheticLinkageFiles;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * 前方連携の取込ベンチマーク (docs/benchmarks.md goals): a FULL 001o005 file of N generated residents into an empty
 * replica, compared in the same run with a bare PostgreSQL COPY of the same file; then a second FULL over the
 * loaded replica; then a DIFF of 10,000 rows. Runs on a fresh embedded PostgreSQL with production settings.
 * Usage: {@code LinkageImportBenchmark [residents] [rounds]} (default 1,000,000 and 3).
 * <p>
 * The bare COPY and the import are measured in turns, {@code rounds} times, and the medians compared: on a shared
 * 2-core VM one bare COPY of the same file took anywhere from 4.7 to 6.8 s. CPU seconds (this JVM, PostgreSQL)
 * are printed with each step.
 */
public final class LinkageImportBenchmark {

    private static final LocalGovernmentCode CITY = new LocalGovernmentCode("999997");

    public static void main(String[] args) throws Exception {
        int residents = args.length > 0 ? Integer.parseInt(args[0].replace(",", "")) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("madoguchi-bench-");
        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        long t = System.nanoTime();
        SyntheticLinkageFiles.write(work.resolve("files"), residents, 7);
        Path full = work.resolve("files/001o005_20260401000000_FULL.csv");
        System.out.printf("generated %,d residents (%,d MB) in %.1f s%n", residents, Files.size(full) >> 20, seconds(t));

        Path data = work.resolve("postgres");
        try (ManagedDatabase database = ManagedDatabase.embedded(data, 10)) {
            Jdbi jdbi = Jdbi.create(database.dataSource());
            PostgresReplicaLoader loader = new PostgresReplicaLoader(jdbi, new LinkageLayouts(null), Fixtures.sensitiveItems(), jp.madoguchi.domain.calendar.EraTable.shipped(),
                    Clock.systemUTC(), 2);
            if (Boolean.getBoolean("bench.cold")) {
                System.out.println("cold start: the import path is not warmed up first (-Dbench.cold=true)");
            } else {
                // as the server does right after start (LinkageImportWarmUp)
                int warmUp = Integer.getInteger("bench.warmUpRows", 250_000);
                System.out.printf("import path warmed up as at server start: %,d generated rows in %.1f s%n", warmUp,
                        loader.prepare(warmUp).toMillis() / 1000.0);
            }
            CpuSampler cpu = new CpuSampler(data);
            List<Double> copies = new ArrayList<>();
            List<Double> loads = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                CpuTime before = CpuTime.now(data);
                double copy = bareCopy(jdbi, full);
                CpuTime copyCpu = CpuTime.now(data).since(before);
                System.out.printf("round %d: bare COPY of the same file (text columns, primary key only): %.1f s, %,.0f rows/s (%s)%n",
                        round, copy, residents / copy, copyCpu);
                if (round == 1) {
                    double copyIndexed = copy + bareIndexes(jdbi);
                    System.out.printf("         bare COPY + the replica's 7 secondary indexes on it:          %.1f s%n", copyIndexed);
                    wholeRatio = copyIndexed;
                }
                jdbi.useHandle(h -> h.execute("DROP TABLE bench_copy"));

                Path file = round == 1 ? full : work.resolve("001o005_2026040" + round + "000000_FULL.csv");
                if (round > 1) {
                    Files.copy(full, file);
                    Files.writeString(file, "\r\n".repeat(round), java.nio.file.StandardOpenOption.APPEND);   // another checksum, same rows
                }
                long started = System.nanoTime();
                LoadOutcome.Applied applied = load(loader, file, file.getFileName().toString());
                double load = applied.phases().get("読込（解析・検証・COPY）").toMillis() / 1000.0;
                CpuTime loadCpu = cpu.between(started, started + (long) (load * 1e9));
                double total = applied.took().toMillis() / 1000.0;
                System.out.printf("round %d: Madoguchi FULL import %s: %.1f s in all %s%n", round,
                        round == 1 ? "into an empty replica" : "over the loaded replica", total, phases(applied));
                System.out.printf("         load phase (parse, validate, seal, COPY) %.1f s = %,.0f rows/s (%s); ratio to this round's bare COPY %.2f%n",
                        load, residents / load, loadCpu, copy / load);
                if (round == 1) {
                    System.out.printf("         whole import vs bare COPY + same indexes: ratio %.2f%n", wholeRatio / total);
                }
                copies.add(copy);
                loads.add(load);
                ratios.add(copy / load);
            }
            cpu.close();
            System.out.printf("median of %d rounds: bare COPY %.1f s, load phase %.1f s, ratio %.2f (median of the rounds' ratios %.2f)%n",
                    rounds, median(copies), median(loads), median(copies) / median(loads), median(ratios));

            Path diff = work.resolve("001o005_20260409000000_DIFF.csv");
            int rows = writeDiff(full, diff, 10_000);
            LoadOutcome.Applied applied = load(loader, diff, diff.getFileName().toString());
            System.out.printf("DIFF of %,d rows into the %,d replica: %.2f s (added %,d, changed %,d, deleted %,d)%n", rows,
                    residents, applied.took().toMillis() / 1000.0, applied.added(), applied.changed(), applied.deleted());
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double wholeRatio;

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** CPU time every 500 ms, so the CPU of a phase the loader only times can be read off afterwards (± a sample). */
    private static final class CpuSampler implements AutoCloseable {
        private final java.util.concurrent.ConcurrentSkipListMap<Long, CpuTime> samples = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cpu-sampler");
            t.setDaemon(true);
            return t;
        });

        CpuSampler(Path data) {
            timer.scheduleAtFixedRate(() -> samples.put(System.nanoTime(), CpuTime.now(data)), 0, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        CpuTime between(long from, long to) {
            return samples.floorEntry(to).getValue().since(samples.ceilingEntry(from).getValue());
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private static LoadOutcome.Applied load(PostgresReplicaLoader loader, Path file, String name) {
        LinkageFile linkage = LinkageFile.named(name, 0, file.toString()).orElseThrow();
        LoadOutcome outcome = loader.load(new LoadRequest(CITY, linkage, file, name + System.nanoTime(), "bench"), b -> { });
        if (!(outcome instanceof LoadOutcome.Applied applied)) {
            throw new IllegalStateException("取込に失敗しました: " + outcome);
        }
        return applied;
    }

    private static String phases(LoadOutcome.Applied applied) {
        StringBuilder text = new StringBuilder("(");
        for (Map.Entry<String, Duration> phase : applied.phases().entrySet()) {
            text.append(text.length() > 1 ? ", " : "").append(phase.getKey()).append(' ')
                    .append(String.format("%.1f s", phase.getValue().toMillis() / 1000.0));
        }
        return text.append(')').toString();
    }

    /** COPY … FROM STDIN (FORMAT csv) of the file itself into text columns with a primary key: the floor. */
    private static double bareCopy(Jdbi jdbi, Path file) throws Exception {
        String header = Files.newBufferedReader(file, StandardCharsets.UTF_8).readLine();
        int columns = header.split(",", -1).length;
        List<String> definitions = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            definitions.add("c" + i + " text" + (i == 1 ? " PRIMARY KEY" : ""));
        }
        jdbi.useHandle(h -> h.execute("CREATE TABLE bench_copy (" + String.join(", ", definitions) + ")"));
        long t = System.nanoTime();
        try (Connection c = jdbi.open().getConnection(); InputStream in = Files.newInputStream(file)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)", in);
        }
        return seconds(t);
    }

    /** The same secondary indexes the replica has (birth date, household, name, kana ×2, two lookup keys), two at a time. */
    private static double bareIndexes(Jdbi jdbi) throws Exception {
        List<String> statements = List.of(
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                "CREATE INDEX ON bench_copy USING gin (c6 gin_trgm_ops)",
                "CREATE INDEX ON bench_copy (c12)", "CREATE INDEX ON bench_copy (c2)", "CREATE INDEX ON bench_copy (c5)",
                "CREATE INDEX ON bench_copy ((c6 COLLATE \"C\"))", "CREATE INDEX ON bench_copy (c31)", "CREATE INDEX ON bench_copy (c32)");
        long t = System.nanoTime();
        jdbi.useHandle(h -> h.execute(statements.get(0)));
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (String statement : statements.subList(1, statements.size())) {
            done.add(workers.submit(() -> jdbi.useHandle(h -> {
                h.execute("SET maintenance_work_mem = '256MB'");
                h.execute(statement);
            })));
        }
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();
        return seconds(t);
    }

    /** 60 % updates (a new 方書), 20 % deletions, 20 % additions under new 宛名番号. */
    private static int writeDiff(Path full, Path diff, int rows) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(full, StandardCharsets.UTF_8);
             CsvReader<CsvRecord> parser = CsvReader.builder().ofCsvRecord(reader);
             CsvWriter out = CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).lineDelimiter(LineDelimiter.CRLF)
                     .build(Files.newBufferedWriter(diff, StandardCharsets.UTF_8))) {
            var records = parser.iterator();
            List<String> header = new ArrayList<>(records.next().getFields());
            int apartment = header.indexOf("方書");
            header.add(0, "処理区分");
            out.writeRecord(header);
            for (int i = 0; i < rows && records.hasNext(); i++) {
                CsvRecord record = records.next();
                List<String> values = new ArrayList<>(record.getFields());
                String operation;
                if (i % 5 == 0) {
                    operation = "3";
                } else if (i % 5 == 1) {
                    operation = "1";
                    values.set(0, AddresseeNumber.fromSerial(90_000_000L + i, 9).value());
                } else {
                    operation = "2";
                    values.set(apartment, "ベンチ更新" + i);
                }
                values.add(0, operation);
                out.writeRecord(values);
            }
            return rows;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
