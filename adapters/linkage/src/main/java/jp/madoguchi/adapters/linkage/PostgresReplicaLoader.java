package jp.madoguchi.adapters.linkage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.adapters.linkage.layout.LayoutException;
import jp.madoguchi.adapters.linkage.layout.LinkageLayout;
import jp.madoguchi.adapters.linkage.layout.LinkageLayouts;
import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.out.LinkageFile;
import jp.madoguchi.application.port.out.LinkageProblem;
import jp.madoguchi.application.port.out.LoadOutcome;
import jp.madoguchi.application.port.out.LoadRequest;
import jp.madoguchi.application.port.out.ReplicaLoader;
import jp.madoguchi.application.port.out.SensitiveItems;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads linkage files into the PostgreSQL replica, all or nothing.
 * <ul>
 *   <li><b>FULL</b>: rows stream from the CSV straight into a fresh table through COPY (docs/benchmarks.md: load first,
 *   index after), the indexes are built on two connections at once, and one short transaction swaps the table
 *   in as the city's partition and records the import. A problem anywhere drops the new table: the replica
 *   never saw it.</li>
 *   <li><b>DIFF</b>: rows are checked and their 処理区分 (1 追加, 2 更新, 3 削除) replayed in file order against the
 *   keys that exist, then applied in one transaction.</li>
 * </ul>
 * An advisory lock per city and linkage ID keeps two importers (the poller and the CLI) from racing.
 */
public final class PostgresReplicaLoader implements ReplicaLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresReplicaLoader.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final Pattern INDEX_DEF = Pattern.compile("^CREATE (UNIQUE )?INDEX \\S+ ON ONLY \\S+ USING (.*)$");
    private static final int CHUNK = 1 << 18;

    private final Jdbi jdbi;
    private final LinkageLayouts layouts;
    private final SensitiveItems sensitive;
    private final Clock clock;
    private final int indexWorkers;
    private final EraTable eras;

    public PostgresReplicaLoader(Jdbi jdbi, LinkageLayouts layouts, SensitiveItems sensitive, EraTable eras, Clock clock,
                                 int indexWorkers) {
        this.eras = eras;
        this.jdbi = jdbi;
        this.layouts = layouts;
        this.sensitive = sensitive;
        this.clock = clock;
        this.indexWorkers = Math.max(1, indexWorkers);
    }

    @Override
    public LoadOutcome load(LoadRequest request, LongConsumer bytesRead) {
        Instant started = clock.instant();
        LinkageFile file = request.file();
        Optional<ReplicaDataset> dataset = ReplicaDatasets.byId(file.linkageId());
        if (dataset.isEmpty()) {
            return rejectWhole(request, started, "連携ID " + file.linkageId() + " は取込の対象ではありません");
        }
        LinkageLayout layout;
        try {
            layout = layouts.layout(file.linkageId()).orElseThrow(
                    () -> new LayoutException(file.linkageId() + ".layout", 0, "レイアウトがありません"));
        } catch (LayoutException e) {
            return rejectWhole(request, started, e.getMessage());
        }
        String lockKey = "linkage:" + request.city().value() + ":" + file.linkageId();
        try (Handle lock = jdbi.open()) {
            if (!lock.createQuery("SELECT pg_try_advisory_lock(hashtext(:key))").bind("key", lockKey).mapTo(Boolean.class).one()) {
                return new LoadOutcome.Busy();
            }
            try {
                Optional<Instant> applied = lock.createQuery("""
                                SELECT finished_at FROM linkage_import
                                WHERE city_code = :city AND linkage_id = :id AND checksum = :checksum AND outcome = 'APPLIED'""")
                        .bind("city", request.city().value()).bind("id", file.linkageId()).bind("checksum", request.checksum())
                        .mapTo(Instant.class).findOne();
                if (applied.isPresent()) {
                    LoadOutcome outcome = new LoadOutcome.Duplicate(LocalDateTime.ofInstant(applied.get(), clock.getZone()));
                    record(lock, request, "DUPLICATE", 0, 0, 0, 0, 0, "同じチェックサムのファイルを取込済み", started);
                    return outcome;
                }
                Optional<LocalDateTime> newest = lock.createQuery("""
                                SELECT max(file_stamp) FROM linkage_import
                                WHERE city_code = :city AND linkage_id = :id AND outcome = 'APPLIED'""")
                        .bind("city", request.city().value()).bind("id", file.linkageId())
                        .mapTo(LocalDateTime.class).findOne();
                if (newest.isPresent() && !file.stamp().isAfter(newest.get())) {
                    record(lock, request, "OUT_OF_ORDER", 0, 0, 0, 0, 0,
                            "取込済みの最新ファイル（" + newest.get() + "）より古いファイル", started);
                    return new LoadOutcome.OutOfOrder(newest.get());
                }
                ProblemList problems = new ProblemList();
                List<String> warnings = new ArrayList<>();
                LoadOutcome outcome = file.kind() == LinkageFile.Kind.FULL
                        ? full(request, dataset.get(), layout, problems, warnings, bytesRead, started)
                        : diff(request, dataset.get(), layout, problems, warnings, bytesRead, started);
                if (outcome instanceof LoadOutcome.Rejected rejected) {
                    record(lock, request, "REJECTED", rejected.rowsRead(), 0, 0, 0, rejected.problemCount(),
                            rejected.report(), started);
                }
                return outcome;
            } finally {
                lock.createQuery("SELECT pg_advisory_unlock(hashtext(:key))").bind("key", lockKey).mapTo(Boolean.class).one();
            }
        }
    }

    private LoadOutcome rejectWhole(LoadRequest request, Instant started, String reason) {
        LoadOutcome.Rejected rejected = new LoadOutcome.Rejected(0, List.of(new LinkageProblem(0, "", reason, null)), 1);
        try (Handle h = jdbi.open()) {
            record(h, request, "REJECTED", 0, 0, 0, 0, 1, rejected.report(), started);
        }
        return rejected;
    }

    // ---------------------------------------------------------------- FULL

    private LoadOutcome full(LoadRequest request, ReplicaDataset dataset, LinkageLayout layout, ProblemList problems,
                             List<String> warnings, LongConsumer bytesRead, Instant started) {
        String city = request.city().value();
        String partition = dataset.table() + "_p" + city + "_" + request.file().stamp().format(STAMP);
        try (Handle h = jdbi.open()) {
            dropAbandonedLoads(h, dataset, city);
            boolean attached = false;
            Map<String, Duration> phases = new LinkedHashMap<>();
            Instant mark = clock.instant();
            try {
                // created in the COPY's own transaction, so the rows can be written frozen (no hint bits to set and
                // write again when the indexes read them) and a load that fails leaves no table behind
                h.begin();
                h.execute("CREATE TABLE " + partition + " (LIKE " + dataset.table() + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                FailPoints.reach("linkage.full.before-copy");
                long rows = copyFull(h, partition, request, dataset, layout, problems, warnings, bytesRead);
                if (!problems.isEmpty()) {
                    h.rollback();
                    return new LoadOutcome.Rejected(rows, problems.kept(), problems.count());
                }
                h.commit();
                FailPoints.reach("linkage.full.after-copy");
                mark = lap(phases, "読込（解析・検証・COPY）", mark);
                // a CHECK that proves the partition bound spares ATTACH a scan inside the swap transaction
                h.execute("ALTER TABLE " + partition + " ADD CONSTRAINT " + partition + "_city CHECK (city_code = '" + city + "')");
                buildIndexes(dataset.table(), partition);
                h.execute("ANALYZE " + partition);
                FailPoints.reach("linkage.full.before-swap");
                mark = lap(phases, "索引・統計", mark);
                Optional<String> current = currentPartition(h, dataset.table(), city);
                long[] counts = current.isPresent() ? compare(h, dataset, current.get(), partition) : new long[] {rows, 0, 0};
                mark = lap(phases, "前回との比較", mark);
                h.useTransaction(t -> {
                    t.execute("SET LOCAL lock_timeout = '60s'");
                    current.ifPresent(old -> t.execute("ALTER TABLE " + dataset.table() + " DETACH PARTITION " + old));
                    t.execute("ALTER TABLE " + dataset.table() + " ATTACH PARTITION " + partition + " FOR VALUES IN ('" + city + "')");
                    FailPoints.reach("linkage.full.in-swap");
                    current.ifPresent(old -> t.execute("DROP TABLE " + old));
                    record(t, request, "APPLIED", rows, counts[0], counts[1], counts[2], 0, String.join("\n", warnings), started);
                });
                attached = true;
                FailPoints.reach("linkage.full.after-swap");
                lap(phases, "切替", mark);
                Duration took = Duration.between(started, clock.instant());
                LOG.info("連携ファイル {} を取り込みました: {} 行（追加 {}・変更 {}・削除 {}）{} ms {}", request.file().name(), rows,
                        counts[0], counts[1], counts[2], took.toMillis(), phases);
                return new LoadOutcome.Applied(rows, counts[0], counts[1], counts[2], took, warnings, phases);
            } finally {
                if (h.isInTransaction()) {
                    h.rollback();
                }
                if (!attached) {
                    h.execute("DROP TABLE IF EXISTS " + partition);
                }
            }
        }
    }

    /** Streams the file into the new table through {@link FullFileChecking}, one COPY for all checkers. */
    private long copyFull(Handle h, String partition, LoadRequest request, ReplicaDataset dataset, LinkageLayout layout,
                          ProblemList problems, List<String> warnings, LongConsumer bytesRead) {
        ReplicaDataset.Context context = new ReplicaDataset.Context(request.city().value(), sensitive, eras);
        CopyIn copy = null;
        try (LinkageReader reader = LinkageReader.open(request.path(), layout, dataset, eras, problems, warnings, bytesRead)) {
            if (reader == null) {
                return 0;
            }
            List<CopyBuffer.ColumnType> types = CopyBuffer.columnTypes(h, partition, dataset.columns());
            CopyIn target = startCopy(h, partition, String.join(", ", dataset.columns()), true);
            copy = target;
            long rows = new FullFileChecking(dataset, context, types, indexWorkers, problems).run(reader, chunk -> {
                chunk.sendTo(target);
                FailPoints.reach("linkage.full.mid-copy");
            });
            warnings.addAll(reader.warnings());
            if (problems.isEmpty()) {
                endCopy(target);
            }
            return rows;
        } catch (LinkageReader.MalformedFileException e) {
            problems.add(new LinkageProblem(e.line, "", e.getMessage(), null));
            return 0;
        } catch (SQLException e) {
            throw new IllegalStateException("データベースへの書き込みに失敗しました: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("取込が中断されました", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("取込に失敗しました: " + e.getCause().getMessage(), e.getCause());
        } finally {
            cancel(copy);
        }
    }

    /**
     * Runs {@code residents} synthetic 住民基本情報 rows through reading, checking, sealing and encoding, and sends
     * them nowhere. The rows are a shipped sample ({@code warm-up/001o005.csv.gz}: 3,000 residents the demo's generator
     * wrote with seed 1, a test keeps it so), read as often as needed, so a production start needs no generator. A JVM compiles that path while the first FULL file runs: on this machine kind the first million
     * rows after a start took half as much CPU again as the next million. The server calls this once after start.
     */
    @Override
    public Duration prepare(int residents) {
        long started = System.nanoTime();
        Path folder = null;
        try {
            folder = Files.createTempDirectory("madoguchi-import-warm-up-");
            Path file = unpackSample(folder);
            ReplicaDataset dataset = ReplicaDatasets.byId("001o005").orElseThrow();
            LinkageLayout layout = new LinkageLayouts(null).layout("001o005").orElseThrow();   // the generator's layout
            ProblemList problems = new ProblemList();
            List<CopyBuffer.ColumnType> types;
            try (Handle h = jdbi.open()) {
                types = CopyBuffer.columnTypes(h, dataset.table(), dataset.columns());
            }
            FullFileChecking checking = new FullFileChecking(dataset, new ReplicaDataset.Context(WARM_UP_CITY.value(),
                    sensitive, eras), types, indexWorkers, problems);
            for (long done = 0; done < residents && problems.isEmpty(); ) {
                try (LinkageReader reader = LinkageReader.open(file, layout, dataset, eras, problems, new ArrayList<>(), n -> { })) {
                    done += checking.run(reader, CopyBuffer::discard);
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("生成した住民の読込で誤りが見つかりました: " + problems.kept().get(0));
            }
            return Duration.ofNanos(System.nanoTime() - started);
        } catch (IOException e) {
            throw new UncheckedIOException("取込の準備ができません: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("取込の準備が中断されました", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("取込の準備に失敗しました: " + e.getCause().getMessage(), e.getCause());
        } finally {
            deleteQuietly(folder);
        }
    }

    private static final LocalGovernmentCode WARM_UP_CITY = new LocalGovernmentCode("999997");
    static final String WARM_UP_SAMPLE = "warm-up/001o005.csv.gz";

    private static Path unpackSample(Path folder) throws IOException {
        Path file = folder.resolve("001o005_20260401000000_FULL.csv");
        try (var in = PostgresReplicaLoader.class.getResourceAsStream(WARM_UP_SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("取込の準備用の見本がありません: " + WARM_UP_SAMPLE);
            }
            Files.copy(new java.util.zip.GZIPInputStream(in), file);
        }
        return file;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder of generated rows: nothing personal is left behind
        }
    }

    private Instant lap(Map<String, Duration> phases, String phase, Instant since) {
        Instant now = clock.instant();
        phases.put(phase, Duration.between(since, now));
        return now;
    }

    private static void cancel(CopyIn copy) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the table it was filling is dropped anyway
            }
        }
    }

    /** The parent's indexes, built on the new table on parallel connections, the slow trigram index first. */
    private void buildIndexes(String table, String partition) {
        List<String> statements = new ArrayList<>();
        try (Handle h = jdbi.open()) {
            List<Map<String, Object>> indexes = h.createQuery("""
                            SELECT pg_get_indexdef(i.indexrelid) AS def, i.indisprimary AS is_primary
                            FROM pg_index i WHERE i.indrelid = CAST(:table AS regclass)
                            ORDER BY (pg_get_indexdef(i.indexrelid) LIKE '%gin%') DESC, i.indisprimary DESC""")
                    .bind("table", table).mapToMap().list();
            int n = 0;
            for (Map<String, Object> index : indexes) {
                Matcher m = INDEX_DEF.matcher((String) index.get("def"));
                if (!m.matches()) {
                    throw new IllegalStateException("索引の定義を読めません: " + index.get("def"));
                }
                if (Boolean.TRUE.equals(index.get("is_primary"))) {
                    String columns = m.group(2).substring(m.group(2).indexOf('('));
                    statements.add("ALTER TABLE " + partition + " ADD CONSTRAINT " + partition + "_pkey PRIMARY KEY " + columns);
                } else {
                    statements.add("CREATE " + (m.group(1) == null ? "" : m.group(1)) + "INDEX " + partition + "_i" + (++n)
                            + " ON " + partition + " USING " + m.group(2));
                }
            }
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(indexWorkers, statements.size()));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String statement : statements) {
                done.add(workers.submit(() -> {
                    try (Handle h = jdbi.open()) {
                        h.execute("SET maintenance_work_mem = '256MB'");
                        h.execute(statement);
                    }
                    // the first index done, the others still being built
                    FailPoints.reach("linkage.full.mid-index");
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("索引の作成が中断されました", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("索引を作成できません: " + e.getCause().getMessage(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private static Optional<String> currentPartition(Handle h, String table, String city) {
        return h.createQuery("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = CAST(:table AS regclass) AND pg_get_expr(c.relpartbound, c.oid) = :bound""")
                .bind("table", table).bind("bound", "FOR VALUES IN ('" + city + "')")
                .mapTo(String.class).findOne();
    }

    /** Tables of an earlier load that died before its swap (a crash, a kill): they hold nothing anyone reads. */
    private static void dropAbandonedLoads(Handle h, ReplicaDataset dataset, String city) {
        List<String> abandoned = h.createQuery("""
                        SELECT relname FROM pg_class
                        WHERE relkind = 'r' AND NOT relispartition AND relname LIKE :pattern""")
                .bind("pattern", dataset.table() + "\\_p" + city + "\\_%").mapTo(String.class).list();
        for (String table : abandoned) {
            LOG.warn("中断された取込の表 {} を削除します", table);
            h.execute("DROP TABLE " + table);
        }
    }

    /** {added, changed, deleted} between the city's current partition and the new one. */
    private static long[] compare(Handle h, ReplicaDataset dataset, String old, String fresh) {
        List<String> compared = dataset.columns().stream()
                .filter(c -> !c.equals("city_code") && !c.endsWith("_sealed") && !dataset.keyColumns().contains(c))
                .toList();
        String join = String.join(" AND ", dataset.keyColumns().stream().map(k -> "o." + k + " = n." + k).toList());
        String key = dataset.keyColumns().get(0);
        String sql = "SELECT count(*) FILTER (WHERE o." + key + " IS NULL) AS added,"
                + " count(*) FILTER (WHERE o." + key + " IS NOT NULL AND n." + key + " IS NOT NULL AND ROW("
                + String.join(", ", compared.stream().map(c -> "o." + c).toList()) + ") IS DISTINCT FROM ROW("
                + String.join(", ", compared.stream().map(c -> "n." + c).toList()) + ")) AS changed,"
                + " count(*) FILTER (WHERE n." + key + " IS NULL) AS deleted"
                + " FROM " + old + " o FULL JOIN " + fresh + " n ON " + join;
        Map<String, Object> counts = h.createQuery(sql).mapToMap().one();
        return new long[] {((Number) counts.get("added")).longValue(), ((Number) counts.get("changed")).longValue(),
                ((Number) counts.get("deleted")).longValue()};
    }

    // ---------------------------------------------------------------- DIFF

    private record DiffRow(long line, String operation, List<String> key, Object[] values) {
    }

    private LoadOutcome diff(LoadRequest request, ReplicaDataset dataset, LinkageLayout layout, ProblemList problems,
                             List<String> warnings, LongConsumer bytesRead, Instant started) {
        ReplicaDataset.Context context = new ReplicaDataset.Context(request.city().value(), sensitive, eras);
        List<DiffRow> rows = new ArrayList<>();
        long read = 0;
        try (LinkageReader reader = LinkageReader.open(request.path(), layout, dataset, eras, problems, warnings, bytesRead)) {
            if (reader == null) {
                return new LoadOutcome.Rejected(0, problems.kept(), problems.count());
            }
            if (layout.columnFor(ReplicaDataset.OPERATION).isEmpty()) {
                problems.add(new LinkageProblem(0, "", "DIFF ファイルのレイアウトに処理区分の列がありません", null));
                return new LoadOutcome.Rejected(0, problems.kept(), problems.count());
            }
            for (LinkageRow row; (row = reader.next(true)) != null; ) {
                read++;
                String operation = reader.operation();
                if (operation == null) {
                    row.problem(ReplicaDataset.OPERATION, "DIFF ファイルの行には処理区分（1 追加・2 更新・3 削除）が必要です");
                    continue;
                }
                List<String> key = dataset.keyItems().stream().map(row::text).toList();
                if (operation.equals("3")) {
                    if (row.clean()) {
                        rows.add(new DiffRow(row.line(), operation, key, null));
                    }
                    continue;
                }
                ReplicaDataset.Values values = new ReplicaDataset.Values(dataset.columns().size());
                if (row.clean() && dataset.mapper().map(row, values, context)) {
                    rows.add(new DiffRow(row.line(), operation, key, values.values));
                }
            }
            warnings.addAll(reader.warnings());
        } catch (LinkageReader.MalformedFileException e) {
            problems.add(new LinkageProblem(e.line, "", e.getMessage(), null));
        }
        if (!problems.isEmpty()) {
            return new LoadOutcome.Rejected(read, problems.kept(), problems.count());
        }
        long total = read;
        try (Handle h = jdbi.open()) {
            return h.inTransaction(t -> applyDiff(t, request, dataset, rows, problems, warnings, total, started));
        } catch (DiffRefused refused) {
            return refused.outcome;
        } catch (SQLException e) {
            throw new IllegalStateException("差分を適用できません: " + e.getMessage(), e);
        }
    }

    /** Thrown inside the DIFF transaction to roll it back when replaying the operations finds problems. */
    private static final class DiffRefused extends RuntimeException {
        final LoadOutcome.Rejected outcome;

        DiffRefused(LoadOutcome.Rejected outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private LoadOutcome applyDiff(Handle t, LoadRequest request, ReplicaDataset dataset, List<DiffRow> rows,
                                  ProblemList problems, List<String> warnings, long total, Instant started) throws SQLException {
                {
                t.execute("SELECT ensure_city_partition(CAST(? AS regclass), ?)", dataset.table(), request.city().value());
                String keyColumns = String.join(", ", dataset.keyColumns());
                t.execute("CREATE TEMP TABLE diff_keys ON COMMIT DROP AS SELECT " + keyColumns + " FROM " + dataset.table() + " WITH NO DATA");
                copyRows(t, "diff_keys", dataset.keyColumns(), rows.stream().map(r -> r.key().toArray()).toList());
                Set<List<String>> existing = new HashSet<>(t.createQuery("SELECT " + String.join(", ",
                                dataset.keyColumns().stream().map(c -> "CAST(k." + c + " AS text)").toList())
                                + " FROM diff_keys k JOIN " + dataset.table() + " t USING (" + keyColumns + ") WHERE t.city_code = :city")
                        .bind("city", request.city().value())
                        .map((rs, ctx) -> {
                            List<String> key = new ArrayList<>();
                            for (int i = 1; i <= dataset.keyColumns().size(); i++) {
                                key.add(rs.getString(i));
                            }
                            return key;
                        }).list());
                Set<List<String>> present = new HashSet<>(existing);
                Map<List<String>, DiffRow> last = new LinkedHashMap<>();
                String keyName = String.join("・", dataset.keyItems());
                for (DiffRow row : rows) {
                    boolean exists = present.contains(row.key());
                    String shown = String.join("・", row.key());
                    switch (row.operation()) {
                        case "1" -> {
                            if (exists) {
                                problems.add(new LinkageProblem(row.line(), ReplicaDataset.OPERATION, "追加（1）ですが、" + keyName + " " + shown + " は既にあります", null));
                                continue;
                            }
                            present.add(row.key());
                        }
                        case "2" -> {
                            if (!exists) {
                                problems.add(new LinkageProblem(row.line(), ReplicaDataset.OPERATION, "更新（2）ですが、" + keyName + " " + shown + " がありません", null));
                                continue;
                            }
                        }
                        default -> {
                            if (!exists) {
                                problems.add(new LinkageProblem(row.line(), ReplicaDataset.OPERATION, "削除（3）ですが、" + keyName + " " + shown + " がありません", null));
                                continue;
                            }
                            present.remove(row.key());
                        }
                    }
                    last.put(row.key(), row);
                }
                if (!problems.isEmpty()) {
                    throw new DiffRefused(new LoadOutcome.Rejected(total, problems.kept(), problems.count()));
                }
                long added = 0;
                long changed = 0;
                long deleted = 0;
                List<Object[]> upserts = new ArrayList<>();
                List<Object[]> deletions = new ArrayList<>();
                for (Map.Entry<List<String>, DiffRow> entry : last.entrySet()) {
                    boolean before = existing.contains(entry.getKey());
                    if (present.contains(entry.getKey())) {
                        upserts.add(entry.getValue().values());
                        if (before) {
                            changed++;
                        } else {
                            added++;
                        }
                    } else if (before) {
                        deletions.add(entry.getKey().toArray());
                        deleted++;
                    }
                }
                t.execute("TRUNCATE diff_keys");
                copyRows(t, "diff_keys", dataset.keyColumns(), deletions);
                t.createUpdate("DELETE FROM " + dataset.table() + " t USING diff_keys k WHERE t.city_code = :city AND "
                                + String.join(" AND ", dataset.keyColumns().stream().map(c -> "t." + c + " = k." + c).toList()))
                        .bind("city", request.city().value()).execute();
                FailPoints.reach("linkage.diff.mid-apply");
                t.execute("CREATE TEMP TABLE diff_rows ON COMMIT DROP AS SELECT " + String.join(", ", dataset.columns())
                        + " FROM " + dataset.table() + " WITH NO DATA");
                copyRows(t, "diff_rows", dataset.columns(), upserts);
                List<String> updated = dataset.columns().stream()
                        .filter(c -> !c.equals("city_code") && !dataset.keyColumns().contains(c)).toList();
                t.execute("INSERT INTO " + dataset.table() + " (" + String.join(", ", dataset.columns()) + ") SELECT "
                        + String.join(", ", dataset.columns()) + " FROM diff_rows ON CONFLICT (city_code, " + keyColumns
                        + ") DO UPDATE SET " + String.join(", ", updated.stream().map(c -> c + " = excluded." + c).toList())
                        + (dataset.table().equals("resident") ? ", replicated_at = now()" : ""));
                record(t, request, "APPLIED", total, added, changed, deleted, 0, String.join("\n", warnings), started);
                Duration took = Duration.between(started, clock.instant());
                LOG.info("差分ファイル {} を取り込みました: {} 行（追加 {}・変更 {}・削除 {}）{} ms", request.file().name(), total,
                        added, changed, deleted, took.toMillis());
                return new LoadOutcome.Applied(total, added, changed, deleted, took, warnings, Map.of("差分の適用", took));
                }
    }

    private static void copyRows(Handle h, String table, List<String> columns, List<Object[]> rows) throws SQLException {
        CopyBuffer buffer = new CopyBuffer(CopyBuffer.columnTypes(h, table, columns));
        CopyIn copy = startCopy(h, table, String.join(", ", columns), false);
        try {
            for (Object[] row : rows) {
                buffer.row(row);
                if (buffer.length() > CHUNK) {
                    buffer.sendTo(copy);
                }
            }
            buffer.sendTo(copy);
            endCopy(copy);
        } finally {
            cancel(copy);
        }
    }

    /**
     * Starts a binary COPY into {@code table} and sends its header.
     *
     * @param freeze whether the rows are written frozen: only into a table created in the same transaction
     */
    private static CopyIn startCopy(Handle h, String table, String columns, boolean freeze) throws SQLException {
        CopyIn copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary" + (freeze ? ", FREEZE" : "") + ")");
        byte[] header = CopyBuffer.header();
        copy.writeToCopy(header, 0, header.length);
        return copy;
    }

    private static void endCopy(CopyIn copy) throws SQLException {
        byte[] trailer = CopyBuffer.trailer();
        copy.writeToCopy(trailer, 0, trailer.length);
        copy.endCopy();
    }

    // ---------------------------------------------------------------- history

    private void record(Handle h, LoadRequest request, String outcome, long rows, long added, long changed,
                        long deleted, long errors, String report, Instant started) {
        Instant finished = clock.instant();
        h.createUpdate("""
                        INSERT INTO linkage_import (city_code, linkage_id, file_name, file_stamp, kind, checksum, source,
                            outcome, rows_read, rows_added, rows_changed, rows_deleted, error_count, report, started_at,
                            finished_at, duration_ms)
                        VALUES (:city, :id, :name, :stamp, :kind, :checksum, :source, :outcome, :rows, :added, :changed,
                            :deleted, :errors, :report, :started, :finished, :duration)""")
                .bind("city", request.city().value()).bind("id", request.file().linkageId())
                .bind("name", request.file().name()).bind("stamp", request.file().stamp())
                .bind("kind", request.file().kind().name()).bind("checksum", request.checksum())
                .bind("source", request.source()).bind("outcome", outcome).bind("rows", rows).bind("added", added)
                .bind("changed", changed).bind("deleted", deleted).bind("errors", (int) Math.min(errors, Integer.MAX_VALUE))
                .bind("report", report == null || report.isEmpty() ? null : report)
                .bind("started", started.atZone(ZoneId.of("UTC")).toOffsetDateTime())
                .bind("finished", finished.atZone(ZoneId.of("UTC")).toOffsetDateTime())
                .bind("duration", Duration.between(started, finished).toMillis())
                .execute();
    }
}
