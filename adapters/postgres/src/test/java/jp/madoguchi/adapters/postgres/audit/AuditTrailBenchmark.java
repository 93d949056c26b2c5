package jp.madoguchi.adapters.postgres.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.adapters.security.crypto.HmacCheckpointSeal;
import jp.madoguchi.adapters.postgres.ManagedDatabase;
import jp.madoguchi.application.port.out.AuditVerification;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.audit.AuditEntry;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * アクセス記録のベンチマーク (issue 7 goals): what one append adds to a request, under concurrent requests, and
 * the time to verify a chain of 10,000,000 entries. Runs on a fresh embedded PostgreSQL with production settings
 * (durable commits). The chain for the verification is computed here with the production hasher and loaded by COPY
 * (appending ten million entries one by one would only measure the loading). Lives in the audit package for the
 * hasher. Usage: {@code AuditTrailBenchmark [entries] [appendThreads]} (defaults 10,000,000 and 32). Appends are measured
 * after a warm-up: one request at a time, the search goal's 140 clients × 2 requests/s, a steady 1,000/s from 32
 * threads, and 32 threads flat out.
 */
public final class AuditTrailBenchmark {

    private static final LocalGovernmentCode CITY = new LocalGovernmentCode("999997");
    private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
    private static final DateTimeFormatter PG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    public static void main(String[] args) throws Exception {
        long entries = args.length > 0 ? Long.parseLong(args[0].replace(",", "")) : 10_000_000L;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path work = Files.createTempDirectory("madoguchi-audit-bench-");
        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        try (ManagedDatabase database = ManagedDatabase.embedded(work.resolve("postgres"), 10)) {
            Jdbi jdbi = Jdbi.create(database.dataSource());
            JdbiAuditTrail trail = new JdbiAuditTrail(jdbi, new HmacCheckpointSeal(new byte[32]));
            appends(trail, threads, 20_000, 0, "warm-up (not counted)");
            appends(trail, 1, 5_000, 0, "one request at a time");
            appends(trail, 140, 8_400, 280, "140 clients × 2 requests/s (the search goal's load), 30 s");
            appends(trail, threads, 20_000, 1_000, "1,000 requests/s");
            appends(trail, threads, 40_000, 0, "as fast as they can");
            trail.close();

            long t = System.nanoTime();
            long loaded = load(jdbi, entries);
            System.out.printf("loaded a chain of %,d entries by COPY in %.1f s%n", loaded, seconds(t));
            JdbiAuditTrail verifier = new JdbiAuditTrail(jdbi, new HmacCheckpointSeal(new byte[32]));
            for (int run = 1; run <= 2; run++) {
                t = System.nanoTime();
                AuditVerification result = verifier.verify();
                double took = seconds(t);
                System.out.printf("verify run %d: %,d entries in %.1f s (%,.0f entries/s), intact %s, walked in parts %s%n", run,
                        result.entries(), took, result.entries() / took, result.intact(), verifier.lastWalkedInParts);
            }
            verifier.close();
            breakdown(jdbi, loaded);
        }
    }

    /** Where the time goes: the database sending the rows, and hashing them in Java. */
    private static void breakdown(Jdbi jdbi, long entries) throws Exception {
        long t = System.nanoTime();
        long bytes = jdbi.withHandle(h -> h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyOut(
                ChainWalk.copy(0, Long.MAX_VALUE), java.io.OutputStream.nullOutputStream()));
        System.out.printf("  the database sending the rows only (binary COPY, one connection): %,d rows in %.1f s%n", bytes, seconds(t));
        t = System.nanoTime();
        long walked = jdbi.inTransaction(h -> new ChainWalk(0, new byte[32], new java.util.TreeMap<>()).run(h, Long.MAX_VALUE).checked);
        System.out.printf("  one walk, one connection (reading and hashing): %,d entries in %.1f s%n", walked, seconds(t));
        ChainHasher hasher = new ChainHasher();
        byte[] previous = new byte[32];
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        t = System.nanoTime();
        for (long i = 0; i < entries; i++) {
            previous = hasher.chain(previous, hasher.content(at, "999997", "STAFF", "clerk7", "窓口 職員", "", "VIEW_RESIDENT",
                    List.of("0000000011"), "受付 20261122-1234", "宛名番号で表示"));
        }
        System.out.printf("  hashing only (one thread): %,d in %.1f s%n", entries, seconds(t));
    }

    /** Each of {@code threads} request threads appends one entry at a time; the latency of each append is kept. */
    private static void appends(JdbiAuditTrail trail, int threads, int total, int perSecond, String load) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] latencies = new long[total];
        List<Future<?>> done = new ArrayList<>();
        int perThread = total / threads;
        long started = System.nanoTime();
        for (int th = 0; th < threads; th++) {
            int from = th * perThread;
            done.add(pool.submit(() -> {
                long pace = perSecond == 0 ? 0 : 1_000_000_000L * threads / perSecond;
                // clients spread over the interval, as people at different counters are, not all at once
                long due = System.nanoTime() + (pace == 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextLong(pace));
                for (int i = from; i < from + perThread; i++) {
                    if (pace > 0) {
                        due += pace;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    long t = System.nanoTime();
                    trail.append(entry(i));
                    latencies[i] = System.nanoTime() - t;
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double wall = seconds(started);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        long[] measured = Arrays.copyOf(latencies, perThread * threads);
        Arrays.sort(measured);
        System.out.printf("append, %s, %d request threads, %,d entries: p50 %.2f ms, p99 %.2f ms, max %.2f ms, %,.0f entries/s%n",
                load, threads, measured.length, ms(measured, 0.50), ms(measured, 0.99), measured[measured.length - 1] / 1e6,
                measured.length / wall);
    }

    /**
     * What staff work produces: mostly one resident viewed, and every fifth a search that records the up to 50
     * residents it returned (the resident index then gets 50 keys for one entry).
     */
    private static AuditEntry entry(int i) {
        if (i % 5 == 0) {
            List<String> found = new ArrayList<>();
            for (int r = 0; r < 50; r++) {
                found.add(String.format("%010d", (i * 50L + r) % 1_000_000));
            }
            return new AuditEntry(Instant.now(), CITY, Operator.staff("clerk" + (i % 40), "窓口 職員"), "",
                    AuditAction.SEARCH_RESIDENTS, found, "", "フリガナで検索（前方一致、50 件）");
        }
        return new AuditEntry(Instant.now(), CITY, Operator.staff("clerk" + (i % 40), "窓口 職員"), "",
                AuditAction.VIEW_RESIDENT, List.of(String.format("%010d", i % 1_000_000)), "受付 20261122-0001", "宛名番号で表示");
    }

    /** Appends {@code count} chained entries after the current head by COPY, and moves the head. */
    private static long load(Jdbi jdbi, long count) throws Exception {
        return jdbi.inTransaction(h -> {
            long seq = h.createQuery("SELECT seq FROM audit_head WHERE id = 1").mapTo(Long.class).one();
            byte[] previous = h.createQuery("SELECT hash FROM audit_head WHERE id = 1").mapTo(byte[].class).one();
            Connection connection = h.getConnection();
            PipedInputStream in = new PipedInputStream(1 << 20);
            PipedOutputStream out = new PipedOutputStream(in);
            long first = seq;
            byte[] startHash = previous;
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<byte[]> head = writer.submit(() -> write(out, first, startHash, count));
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY audit_entry (seq, at, city_code, actor_kind, actor_id, actor_name, terminal, action, residents,
                                      purpose, detail, content_hash, prev_hash, hash) FROM STDIN""", in);
            byte[] last = head.get();
            writer.shutdown();
            h.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                    .bind("seq", first + count).bind("hash", last).execute();
            return count;
        });
    }

    private static byte[] write(OutputStream out, long from, byte[] previous, long count) throws IOException {
        ChainHasher hasher = new ChainHasher();
        HexFormat hex = HexFormat.of();
        StringBuilder line = new StringBuilder(512);
        try (out) {
            for (long i = 1; i <= count; i++) {
                OffsetDateTime at = OffsetDateTime.ofInstant(START.plusMillis(i * 250), ZoneOffset.UTC);
                String actor = "clerk" + (i % 40);
                String resident = String.format("%010d", i % 1_000_000);
                String purpose = "受付 20261122-" + (i % 9000 + 1000);
                String detail = i % 10 == 0 ? "4情報で照合（候補 3 件）" : "宛名番号で表示";
                String action = i % 10 == 0 ? AuditAction.SEARCH_RESIDENTS.name() : AuditAction.VIEW_RESIDENT.name();
                byte[] content = hasher.content(at, CITY.value(), "STAFF", actor, "窓口 職員", "", action, List.of(resident),
                        purpose, detail);
                byte[] hash = hasher.chain(previous, content);
                line.setLength(0);
                line.append(from + i).append('\t').append(PG_TIME.format(at)).append('\t').append(CITY.value())
                        .append("\tSTAFF\t").append(actor).append("\t窓口 職員\t\t").append(action)
                        .append("\t{").append(resident).append("}\t").append(purpose).append('\t').append(detail)
                        .append("\t\\\\x").append(hex.formatHex(content)).append("\t\\\\x").append(hex.formatHex(previous))
                        .append("\t\\\\x").append(hex.formatHex(hash)).append('\n');
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
                previous = hash;
            }
        }
        return previous;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
