package jp.madoguchi.adapters.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.AuditCheckpoint;
import jp.madoguchi.application.port.out.AuditPruning;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.CheckpointSeal;
import jp.madoguchi.application.port.out.AuditVerification;
import jp.madoguchi.domain.audit.AuditEntry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The access history in PostgreSQL: {@code hash = SHA-256(prev_hash ‖ content_hash)}, where the content hash covers
 * every field of the entry (length-prefixed, so no two entries encode alike). The table refuses UPDATE, DELETE and
 * TRUNCATE by trigger; the chain catches what someone with the power to drop the trigger did anyway. One writer
 * thread commits the entries of all requests in groups (see {@link #append}).
 */
@Singleton
public class JdbcAuditTrail implements AuditTrail {

    private static final int MAX_GROUP = 500;

    private final Jdbi jdbi;
    private final CheckpointSeal seal;
    /** Used by the one writer thread only. */
    private final ChainHasher writerHasher = new ChainHasher();
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);
    private final Thread writer;
    private volatile boolean stopped;

    public JdbcAuditTrail(Jdbi jdbi, CheckpointSeal seal) {
        this.jdbi = jdbi;
        this.seal = seal;
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
                write(group);
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

    private void write(List<Pending> group) {
        jdbi.useTransaction(h -> {
            Head head = head(h, true);
            long seq = head.seq();
            byte[] previous = head.hash();
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO audit_entry (seq, at, city_code, actor_kind, actor_id, actor_name, terminal, action,
                                             residents, purpose, detail, content_hash, prev_hash, hash)
                    VALUES (:seq, :at, :city, :kind, :actorId, :actorName, :terminal, :action, :residents, :purpose,
                            :detail, :content, :prev, :hash)""");
            for (Pending pending : group) {
                AuditEntry entry = pending.entry();
                // PostgreSQL keeps microseconds (rounding the rest): hash exactly what is stored
                OffsetDateTime at = OffsetDateTime.ofInstant(entry.at().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
                byte[] content = writerHasher.content(at, entry.city().value(), entry.actor().kind().name(), entry.actor().id(),
                        entry.actor().displayName(), entry.terminal(), entry.action().name(), entry.residents(),
                        entry.purpose(), entry.detail());
                byte[] hash = writerHasher.chain(previous, content);
                seq++;
                batch.bind("seq", seq)
                        .bind("at", at)
                        .bind("city", entry.city().value())
                        .bind("kind", entry.actor().kind().name())
                        .bind("actorId", entry.actor().id())
                        .bind("actorName", entry.actor().displayName())
                        .bind("terminal", entry.terminal())
                        .bind("action", entry.action().name())
                        .bind("residents", entry.residents().toArray(String[]::new))
                        .bind("purpose", entry.purpose())
                        .bind("detail", entry.detail())
                        .bind("content", content)
                        .bind("prev", previous)
                        .bind("hash", hash)
                        .add();
                previous = hash;
            }
            batch.execute();
            h.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                    .bind("seq", seq).bind("hash", previous).execute();
        });
    }

    @PreDestroy
    public void close() {
        stopped = true;
        writer.interrupt();
    }

    private record Pending(AuditEntry entry, CompletableFuture<Void> done) {
    }

    @Override
    public AuditVerification verify() {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            Head head = head(h, false);
            NavigableMap<Long, Checkpoint> checkpoints = checkpoints(h);
            for (Checkpoint checkpoint : checkpoints.values()) {
                if (!seal.verify(checkpoint.seq(), checkpoint.hash(), checkpoint.signature())) {
                    return new AuditVerification(0, checkpoint.seq(), "第" + checkpoint.seq()
                            + "番のチェックポイントの署名が正しくありません（チェックポイントが書き換えられています）");
                }
            }
            if (head.prunedSeq() > 0) {
                Checkpoint anchor = checkpoints.get(head.prunedSeq());
                if (anchor == null || !Arrays.equals(anchor.hash(), head.prunedHash())) {
                    return new AuditVerification(0, head.prunedSeq() + 1, "保存期間を過ぎて削除した範囲（第"
                            + head.prunedSeq() + "番まで）の終わりが、署名済みのチェックポイントと一致しません");
                }
            }
            Walk walk = walk(h, head.prunedSeq(), head.prunedHash(), checkpoints);
            if (walk.broken < 0 && (walk.lastSeq != head.seq() || !Arrays.equals(walk.lastHash, head.hash()))) {
                walk.stop(walk.lastSeq + 1, "第" + (walk.lastSeq + 1) + "番以降の記録が削除されています（記録の末尾が台帳の先頭と合いません）");
            }
            if (walk.broken < 0 && !checkpoints.isEmpty() && checkpoints.lastKey() > walk.lastSeq) {
                walk.stop(walk.lastSeq + 1, "第" + (walk.lastSeq + 1) + "番以降の記録が削除されています（第"
                        + checkpoints.lastKey() + "番のチェックポイントまで届きません）");
            }
            return new AuditVerification(walk.checked, walk.broken, walk.finding);
        });
    }

    /**
     * Checks the entries since the last checkpoint (a checkpoint must not vouch for a chain that is already
     * broken), then signs the head. The head's row lock holds appends back for that short walk.
     */
    @Override
    public Optional<AuditCheckpoint> checkpoint(Instant at) {
        return jdbi.inTransaction(h -> {
            Head head = head(h, true);
            NavigableMap<Long, Checkpoint> checkpoints = checkpoints(h);
            Map.Entry<Long, Checkpoint> last = checkpoints.lastEntry();
            if (head.seq() == 0 || (last != null && last.getKey() == head.seq())) {
                return Optional.empty();
            }
            long fromSeq = last == null ? head.prunedSeq() : last.getKey();
            byte[] fromHash = last == null ? head.prunedHash() : last.getValue().hash();
            Walk walk = walk(h, fromSeq, fromHash, new TreeMap<>());
            if (walk.broken >= 0 || walk.lastSeq != head.seq() || !Arrays.equals(walk.lastHash, head.hash())) {
                throw new IllegalStateException("アクセス記録が壊れているため、チェックポイントを作れません: "
                        + (walk.broken >= 0 ? walk.finding : "記録の末尾が台帳の先頭と合いません"));
            }
            OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
            h.createUpdate("INSERT INTO audit_checkpoint (seq, hash, at, signature) VALUES (:seq, :hash, :at, :signature)")
                    .bind("seq", head.seq()).bind("hash", head.hash()).bind("at", when)
                    .bind("signature", seal.sign(head.seq(), head.hash()))
                    .execute();
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

    /** Walks the entries after {@code fromSeq}, whose chain hash must be {@code fromHash}. */
    private static Walk walk(Handle h, long fromSeq, byte[] fromHash, NavigableMap<Long, Checkpoint> checkpoints) {
        Walk walk = new Walk(fromSeq, fromHash, checkpoints);
        h.createQuery("SELECT * FROM audit_entry WHERE seq > :from ORDER BY seq")
                .bind("from", fromSeq)
                .setFetchSize(10_000)
                .scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    while (rs.next() && walk.step(rs)) {
                        // step() keeps the state; it stops at the first entry that does not fit
                    }
                    return null;
                });
        return walk;
    }

    /** One pass over the chain, stopping at the first entry that does not fit. */
    private static final class Walk {
        private final ChainHasher hasher = new ChainHasher();
        private final NavigableMap<Long, Checkpoint> checkpoints;
        long checked;
        long lastSeq;
        byte[] lastHash;
        long lastCheckpoint;
        long broken = -1;
        String finding = "";

        Walk(long fromSeq, byte[] fromHash, NavigableMap<Long, Checkpoint> checkpoints) {
            this.lastSeq = fromSeq;
            this.lastHash = fromHash;
            this.lastCheckpoint = fromSeq;
            this.checkpoints = checkpoints;
        }

        boolean step(ResultSet rs) throws SQLException {
            long seq = rs.getLong("seq");
            byte[] content = hasher.content(rs.getObject("at", OffsetDateTime.class),
                    rs.getString("city_code"), rs.getString("actor_kind"), rs.getString("actor_id"), rs.getString("actor_name"),
                    rs.getString("terminal"), rs.getString("action"), residents(rs.getArray("residents")),
                    rs.getString("purpose"), rs.getString("detail"));
            byte[] prev = rs.getBytes("prev_hash");
            byte[] hash = rs.getBytes("hash");
            if (!Arrays.equals(content, rs.getBytes("content_hash")) || !Arrays.equals(hash, hasher.chain(prev, content))) {
                return stop(seq, "第" + seq + "番の記録の内容が変更されています");
            }
            if (seq != lastSeq + 1) {
                return stop(lastSeq + 1, "第" + (lastSeq + 1) + "番" + (seq > lastSeq + 2 ? "〜第" + (seq - 1) + "番" : "")
                        + "の記録が削除されています");
            }
            if (!Arrays.equals(prev, lastHash)) {
                return stop(seq, "第" + seq + "番の記録が前の記録とつながりません（並べ替えられたか、前の記録が差し替えられています）");
            }
            Checkpoint checkpoint = checkpoints.get(seq);
            if (checkpoint != null) {
                if (!Arrays.equals(checkpoint.hash(), hash)) {
                    // every hash fits its neighbours, yet not the signed head: the chain was recomputed after a change
                    return stop(lastCheckpoint + 1, "第" + (lastCheckpoint + 1) + "番〜第" + seq
                            + "番の記録が作り直されています（署名済みのチェックポイント第" + seq + "番と一致しません）");
                }
                lastCheckpoint = seq;
            }
            checked++;
            lastSeq = seq;
            lastHash = hash;
            return true;
        }

        boolean stop(long at, String what) {
            broken = at;
            finding = what;
            return false;
        }
    }

    private static List<String> residents(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /**
     * The entry hash: SHA-256 over every field, length-prefixed so no two entries encode alike, and the chain hash
     * {@code SHA-256(prev ‖ content)}. One per thread (the writer, each walk): it reuses its digest and buffer.
     */
    static final class ChainHasher {
        private final MessageDigest digest = sha256();
        private final StringBuilder text = new StringBuilder(256);

        byte[] content(OffsetDateTime at, String city, String kind, String actorId, String actorName, String terminal,
                       String action, List<String> residents, String purpose, String detail) {
            text.setLength(0);
            long micros = at.toInstant().getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
            field(String.valueOf(micros));
            field(city);
            field(kind);
            field(actorId);
            field(actorName);
            field(terminal);
            field(action);
            field(String.valueOf(residents.size()));
            residents.forEach(this::field);
            field(purpose);
            field(detail);
            return digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        byte[] chain(byte[] previous, byte[] content) {
            digest.update(previous);
            return digest.digest(content);
        }

        private void field(String value) {
            text.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Checkpoint(long seq, byte[] hash, byte[] signature) {
    }

    private record Head(long seq, byte[] hash, long prunedSeq, byte[] prunedHash) {
    }
}
