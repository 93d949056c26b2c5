package jp.madoguchi.adapters.postgres.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.out.AuditCheckpoint;
import jp.madoguchi.application.port.out.AuditPruning;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.CheckpointSeal;
import jp.madoguchi.application.port.out.AuditVerification;
import jp.madoguchi.domain.audit.AuditEntry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The access history in PostgreSQL: {@code hash = SHA-256(prev_hash ‖ content_hash)}, where the content hash covers
 * every field of the entry (length-prefixed, so no two entries encode alike). The table refuses UPDATE, DELETE and
 * TRUNCATE by trigger; the chain catches what someone with the power to drop the trigger did anyway. One writer
 * thread commits the entries of all requests in groups (see {@link #append}).
 */
public class JdbiAuditTrail implements AuditTrail {

    private static final int MAX_GROUP = 500;

    private final Jdbi jdbi;
    private final CheckpointSeal seal;
    private final int parts;
    private final int minimumPerPart;
    /** Whether the last verification was settled by the walk in parts (for tests and the benchmark). */
    volatile boolean lastWalkedInParts;
    /** Used by the one writer thread only. */
    private final ChainHasher writerHasher = new ChainHasher();
    private static final java.util.HexFormat HEX = java.util.HexFormat.of();
    /** The head as the writer last left it (writer thread only); null when unknown. */
    private Head knownHead;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);
    private final Thread writer;
    private volatile boolean stopped;

    public JdbiAuditTrail(Jdbi jdbi, CheckpointSeal seal) {
        this(jdbi, seal, Math.max(2, Runtime.getRuntime().availableProcessors()), 250_000);
    }

    /**
     * @param parts          how many stretches {@link #verify()} walks at once (the database works on one while this
     *                       side hashes another)
     * @param minimumPerPart below this many entries per stretch the chain is walked in one pass
     */
    JdbiAuditTrail(Jdbi jdbi, CheckpointSeal seal, int parts, int minimumPerPart) {
        this.jdbi = jdbi;
        this.seal = seal;
        this.parts = parts;
        this.minimumPerPart = minimumPerPart;
        this.writer = new Thread(this::writeLoop, "audit-trail-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Appends and returns once the entry is committed. Appends from all request threads go through one writer that
     * commits them in groups — one transaction and one WAL flush per group — because one transaction per entry,
     * serialised on the chain head, queued requests behind each other's disk flushes under load.
     *
     * @throws IllegalStateException when the entry could not be written: the access it records must not go ahead
     */
    @Override
    public void append(AuditEntry entry) {
        HandleSupplier scoped = jdbi.getHandleScope().get();
        if (scoped != null && scoped.getHandle().isInTransaction()) {
            appendWithin(scoped.getHandle(), entry);
            return;
        }
        Pending pending = new Pending(entry, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new IllegalStateException("アクセス記録を書き込めません（書き込み待ちがあふれています）");
        }
        try {
            pending.done().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("アクセス記録を書き込めません: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("アクセス記録を書き込めません（データベースが応答しません）", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("アクセス記録の書き込みが中断されました", e);
        }
    }

    /**
     * Inside a unit of work (a transaction this thread holds, see {@code JdbiTransactions}) the entry commits or rolls back with the use case's own writes:
     * it is chained under the head's row lock, which the transaction then holds until it ends. Use cases append last,
     * after their other writes, so the lock is held for the commit only and always taken after any reception's.
     */
    private void appendWithin(Handle h, AuditEntry entry) {
        Head current = head(h, true);
        appendAfter(h, current, chain(current, List.of(entry), new ChainHasher()));
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (!stopped) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                FailPoints.reach("audit.group.before-write");
                write(group);
                FailPoints.reach("audit.group.after-commit");
                group.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                group.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    /**
     * Moves the head and inserts the group. The head is kept here between groups, so the common case is a single
     * statement, committed on its own (one round trip to the database): it moves the head only if nobody else
     * moved it meanwhile (a command such as {@code ./madoguchi import} next to the server appends too), and inserts
     * the entries only if it did. Otherwise the head is read under its row lock and the group chained to it.
     */
    private void write(List<Pending> group) {
        try {
            Head head = knownHead;
            if (head != null) {
                Chained chained = chain(head, entries(group), writerHasher);
                if (jdbi.withHandle(h -> appendAfter(h, head, chained)) == group.size()) {
                    knownHead = new Head(chained.seq(), chained.hash(), head.prunedSeq(), head.prunedHash());
                    return;
                }
            }
            jdbi.useTransaction(h -> {
                // under the head's row lock the same statement cannot miss
                Head current = head(h, true);
                Chained chained = chain(current, entries(group), writerHasher);
                appendAfter(h, current, chained);
                knownHead = new Head(chained.seq(), chained.hash(), current.prunedSeq(), current.prunedHash());
            });
        } catch (RuntimeException e) {
            knownHead = null;
            throw e;
        }
    }

    /** The single statement of the common case; returns how many entries it inserted (0: the head had moved). */
    private static int appendAfter(Handle h, Head head, Chained chained) {
        List<Row> rows = chained.rows();
        return h.createUpdate("""
                        WITH moved AS (
                            UPDATE audit_head SET seq = :seq, hash = :hash
                             WHERE id = 1 AND seq = :was AND hash = :wasHash RETURNING 1)
                        INSERT INTO audit_entry (seq, at, city_code, actor_kind, actor_id, actor_name, terminal, action,
                                                 residents, purpose, detail, content_hash, prev_hash, hash)
                        SELECT e.seq, timestamptz 'epoch' + e.micros * interval '1 microsecond', e.city, e.kind,
                               e.actor_id, e.actor_name, e.terminal, e.action,
                               ARRAY(SELECT jsonb_array_elements_text(e.residents)), e.purpose, e.detail,
                               decode(e.content, 'hex'), decode(e.prev, 'hex'), decode(e.hash, 'hex')
                          FROM unnest(:seqs, :micros, :cities, :kinds, :actorIds, :actorNames, :terminals, :actions,
                                      CAST(:residents AS jsonb[]), :purposes, :details, :contents, :prevs, :hashes)
                               AS e(seq, micros, city, kind, actor_id, actor_name, terminal, action, residents, purpose,
                                    detail, content, prev, hash)
                         WHERE EXISTS (SELECT 1 FROM moved)""")
                .bind("seq", chained.seq()).bind("hash", chained.hash())
                .bind("was", head.seq()).bind("wasHash", head.hash())
                .bind("seqs", rows.stream().mapToLong(Row::seq).boxed().toArray(Long[]::new))
                .bind("micros", rows.stream().map(r -> ChainHasher.micros(r.at())).toArray(Long[]::new))
                .bind("cities", column(rows, e -> e.city().value()))
                .bind("kinds", column(rows, e -> e.actor().kind().name()))
                .bind("actorIds", column(rows, e -> e.actor().id()))
                .bind("actorNames", column(rows, e -> e.actor().displayName()))
                .bind("terminals", column(rows, AuditEntry::terminal))
                .bind("actions", column(rows, e -> e.action().name()))
                .bind("residents", column(rows, e -> json(e.residents())))
                .bind("purposes", column(rows, AuditEntry::purpose))
                .bind("details", column(rows, AuditEntry::detail))
                .bind("contents", rows.stream().map(r -> HEX.formatHex(r.content())).toArray(String[]::new))
                .bind("prevs", rows.stream().map(r -> HEX.formatHex(r.previous())).toArray(String[]::new))
                .bind("hashes", rows.stream().map(r -> HEX.formatHex(r.hash())).toArray(String[]::new))
                .execute();
    }

    private static String[] column(List<Row> rows, java.util.function.Function<AuditEntry, String> value) {
        return rows.stream().map(r -> value.apply(r.entry())).toArray(String[]::new);
    }

    /** A JSON array of strings (the residents), for the statement to turn back into {@code text[]} exactly. */
    static String json(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"");
            for (char c : values.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }

    /** The group's entries numbered and hashed after {@code head}. */
    private static Chained chain(Head head, List<AuditEntry> entries, ChainHasher hasher) {
        long seq = head.seq();
        byte[] previous = head.hash();
        List<Row> rows = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            // PostgreSQL keeps microseconds: store and hash exactly the same instant
            OffsetDateTime at = OffsetDateTime.ofInstant(entry.at().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
            byte[] content = hasher.content(at, entry.city().value(), entry.actor().kind().name(), entry.actor().id(),
                    entry.actor().displayName(), entry.terminal(), entry.action().name(), entry.residents(),
                    entry.purpose(), entry.detail());
            byte[] hash = hasher.chain(previous, content);
            seq++;
            rows.add(new Row(seq, at, entry, content, previous, hash));
            previous = hash;
        }
        return new Chained(rows, seq, previous);
    }

    private static List<AuditEntry> entries(List<Pending> group) {
        return group.stream().map(Pending::entry).toList();
    }

    private record Chained(List<Row> rows, long seq, byte[] hash) {
    }

    private record Row(long seq, OffsetDateTime at, AuditEntry entry, byte[] content, byte[] previous, byte[] hash) {
    }

    /** Stops the writer thread (the factory that builds the bean calls this when the server stops). */
    public void close() {
        stopped = true;
        writer.interrupt();
    }

    private record Pending(AuditEntry entry, CompletableFuture<Void> done) {
    }

    /**
     * Walks the chain in {@link #parts} stretches at once, each on its own connection, and checks that each stretch
     * starts where the one before ended. When anything does not fit, the whole chain is walked again in one pass, to
     * name the first entry that does not fit exactly as a single walk would.
     */
    @Override
    public AuditVerification verify() {
        Snapshot snapshot = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                h -> new Snapshot(head(h, false), checkpoints(h)));
        Head head = snapshot.head();
        for (Checkpoint checkpoint : snapshot.checkpoints().values()) {
            if (!seal.verify(checkpoint.seq(), checkpoint.hash(), checkpoint.signature())) {
                return new AuditVerification(0, checkpoint.seq(), "第" + checkpoint.seq()
                        + "番のチェックポイントの署名が正しくありません（チェックポイントが書き換えられています）");
            }
        }
        NavigableMap<Long, byte[]> signed = new TreeMap<>();
        snapshot.checkpoints().forEach((seq, checkpoint) -> signed.put(seq, checkpoint.hash()));
        if (head.prunedSeq() > 0 && !Arrays.equals(signed.get(head.prunedSeq()), head.prunedHash())) {
            return new AuditVerification(0, head.prunedSeq() + 1, "保存期間を過ぎて削除した範囲（第"
                    + head.prunedSeq() + "番まで）の終わりが、署名済みのチェックポイントと一致しません");
        }
        Optional<ChainWalk> inParts = head.seq() - head.prunedSeq() >= (long) parts * minimumPerPart
                ? walkInParts(head, signed) : Optional.empty();
        lastWalkedInParts = inParts.isPresent();
        ChainWalk walk = inParts.orElseGet(() -> walkWhole(head, signed));
        if (walk.intact() && (walk.lastSeq != head.seq() || !Arrays.equals(walk.lastHash, head.hash()))) {
            walk.stop(walk.lastSeq + 1, "第" + (walk.lastSeq + 1) + "番以降の記録が削除されています（記録の末尾が台帳の先頭と合いません）");
        }
        if (walk.intact() && !signed.isEmpty() && signed.lastKey() > walk.lastSeq) {
            walk.stop(walk.lastSeq + 1, "第" + (walk.lastSeq + 1) + "番以降の記録が削除されています（第"
                    + signed.lastKey() + "番のチェックポイントまで届きません）");
        }
        return new AuditVerification(walk.checked, walk.broken, walk.finding);
    }

    private ChainWalk walkWhole(Head head, NavigableMap<Long, byte[]> signed) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                h -> new ChainWalk(head.prunedSeq(), head.prunedHash(), signed).run(h, head.seq()));
    }

    /** The walks of all stretches joined into one, or empty when any stretch or any joint does not fit. */
    private Optional<ChainWalk> walkInParts(Head head, NavigableMap<Long, byte[]> signed) {
        long from = head.prunedSeq();
        long size = (head.seq() - from + parts - 1) / parts;
        ExecutorService pool = Executors.newFixedThreadPool(parts, r -> {
            Thread thread = new Thread(r, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ChainWalk>> running = new ArrayList<>();
            for (int part = 0; part < parts; part++) {
                long start = from + part * size;
                long end = Math.min(head.seq(), start + size);
                byte[] startHash = part == 0 ? head.prunedHash() : null;
                running.add(pool.submit(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                        h -> new ChainWalk(start, startHash, signed).run(h, end))));
            }
            ChainWalk joined = new ChainWalk(from, head.prunedHash(), signed);
            for (int part = 0; part < parts; part++) {
                ChainWalk walk = running.get(part).get();
                long start = from + part * size;
                boolean meets = joined.lastSeq == start
                        && (walk.firstPrevious == null || Arrays.equals(walk.firstPrevious, joined.lastHash));
                if (!walk.intact() || !meets) {
                    return Optional.empty();
                }
                joined.checked += walk.checked;
                if (walk.checked > 0) {
                    joined.lastSeq = walk.lastSeq;
                    joined.lastHash = walk.lastHash;
                }
            }
            return Optional.of(joined);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("アクセス記録の検証が中断されました", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("アクセス記録を検証できません: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Checks the entries since the last checkpoint (a checkpoint must not vouch for a chain that is already
     * broken), then signs the head. The head's row lock holds appends back for that short walk.
     */
    @Override
    public Optional<AuditCheckpoint> checkpoint(Instant at) {
        return jdbi.inTransaction(h -> {
            Head head = head(h, true);
            // only the newest checkpoint matters here, not all of them (one an hour, five years of them)
            Optional<Checkpoint> last = h.createQuery("SELECT seq, hash, signature FROM audit_checkpoint ORDER BY seq DESC LIMIT 1")
                    .map((rs, ctx) -> new Checkpoint(rs.getLong("seq"), rs.getBytes("hash"), rs.getBytes("signature")))
                    .findOne();
            if (head.seq() == 0 || last.map(c -> c.seq() == head.seq()).orElse(false)) {
                return Optional.empty();
            }
            long fromSeq = last.map(Checkpoint::seq).orElse(head.prunedSeq());
            byte[] fromHash = last.map(Checkpoint::hash).orElse(head.prunedHash());
            ChainWalk walk = new ChainWalk(fromSeq, fromHash, new TreeMap<>()).run(h, head.seq());
            if (!walk.intact() || walk.lastSeq != head.seq() || !Arrays.equals(walk.lastHash, head.hash())) {
                throw new IllegalStateException("アクセス記録が壊れているため、チェックポイントを作れません: "
                        + (!walk.intact() ? walk.finding : "記録の末尾が台帳の先頭と合いません"));
            }
            OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
            h.createUpdate("INSERT INTO audit_checkpoint (seq, hash, at, signature) VALUES (:seq, :hash, :at, :signature)")
                    .bind("seq", head.seq()).bind("hash", head.hash()).bind("at", when)
                    .bind("signature", seal.sign(head.seq(), head.hash()))
                    .execute();
            FailPoints.reach("audit.checkpoint.before-commit");
            return Optional.of(new AuditCheckpoint(head.seq(), at));
        });
    }

    @Override
    public AuditPruning prune(Instant before) {
        return jdbi.inTransaction(h -> h.createQuery("SELECT removed, through_seq FROM prune_audit_entries(:before)")
                .bind("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .map((rs, ctx) -> new AuditPruning(rs.getLong("removed"), rs.getLong("through_seq")))
                .one());
    }

    private static Head head(Handle h, boolean forUpdate) {
        return h.createQuery("SELECT seq, hash, pruned_seq, pruned_hash FROM audit_head WHERE id = 1" + (forUpdate ? " FOR UPDATE" : ""))
                .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getBytes("hash"), rs.getLong("pruned_seq"), rs.getBytes("pruned_hash")))
                .one();
    }

    private static NavigableMap<Long, Checkpoint> checkpoints(Handle h) {
        NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
        h.createQuery("SELECT seq, hash, signature FROM audit_checkpoint ORDER BY seq")
                .map((rs, ctx) -> new Checkpoint(rs.getLong("seq"), rs.getBytes("hash"), rs.getBytes("signature")))
                .forEach(c -> checkpoints.put(c.seq(), c));
        return checkpoints;
    }

    private record Checkpoint(long seq, byte[] hash, byte[] signature) {
    }

    private record Head(long seq, byte[] hash, long prunedSeq, byte[] prunedHash) {
    }

    private record Snapshot(Head head, NavigableMap<Long, Checkpoint> checkpoints) {
    }
}
