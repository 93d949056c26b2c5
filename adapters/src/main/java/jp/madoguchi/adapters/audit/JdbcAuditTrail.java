package jp.madoguchi.adapters.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.AuditVerification;
import jp.madoguchi.domain.audit.AuditEntry;
import org.jdbi.v3.core.Jdbi;
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
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);
    private final Thread writer;
    private volatile boolean stopped;

    public JdbcAuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
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
            Head head = h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                    .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getBytes("hash"))).one();
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
                byte[] content = contentHash(at, entry.city().value(), entry.actor().kind().name(), entry.actor().id(),
                        entry.actor().displayName(), entry.terminal(), entry.action().name(), entry.residents(),
                        entry.purpose(), entry.detail());
                byte[] hash = chain(previous, content);
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
        return jdbi.inTransaction(h -> {
            Head head = h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
                    .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getBytes("hash"))).one();
            Walk walk = new Walk();
            h.createQuery("SELECT * FROM audit_entry ORDER BY seq")
                    .setFetchSize(10_000)
                    .scanResultSet((supplier, ctx) -> {
                        ResultSet rs = supplier.get();
                        while (rs.next() && walk.step(rs)) {
                            // step() keeps the state; it stops at the first entry that does not fit
                        }
                        return null;
                    });
            if (walk.broken < 0 && (walk.lastSeq != head.seq() || !Arrays.equals(walk.lastHash, head.hash()))) {
                walk.broken = walk.lastSeq + 1;
                walk.finding = "第" + walk.broken + "番以降の記録が削除されています（記録の末尾が台帳の先頭と合いません）";
            }
            return new AuditVerification(walk.checked, walk.broken, walk.finding);
        });
    }

    /** One pass over the chain, stopping at the first entry that does not fit. */
    private static final class Walk {
        long checked;
        long lastSeq;
        byte[] lastHash = new byte[32];
        long broken = -1;
        String finding = "";

        boolean step(ResultSet rs) throws SQLException {
            long seq = rs.getLong("seq");
            byte[] content = contentHash(rs.getObject("at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                    rs.getString("city_code"), rs.getString("actor_kind"), rs.getString("actor_id"), rs.getString("actor_name"),
                    rs.getString("terminal"), rs.getString("action"), residents(rs.getArray("residents")),
                    rs.getString("purpose"), rs.getString("detail"));
            byte[] prev = rs.getBytes("prev_hash");
            byte[] hash = rs.getBytes("hash");
            if (!Arrays.equals(content, rs.getBytes("content_hash")) || !Arrays.equals(hash, chain(prev, content))) {
                return stop(seq, "第" + seq + "番の記録の内容が変更されています");
            }
            if (seq != lastSeq + 1) {
                return stop(lastSeq + 1, "第" + (lastSeq + 1) + "番" + (seq > lastSeq + 2 ? "〜第" + (seq - 1) + "番" : "")
                        + "の記録が削除されています");
            }
            if (!Arrays.equals(prev, lastHash)) {
                return stop(seq, "第" + seq + "番の記録が前の記録とつながりません（並べ替えられたか、前の記録が差し替えられています）");
            }
            checked++;
            lastSeq = seq;
            lastHash = hash;
            return true;
        }

        private boolean stop(long at, String what) {
            broken = at;
            finding = what;
            return false;
        }
    }

    private static List<String> residents(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static byte[] contentHash(OffsetDateTime at, String city, String kind, String actorId, String actorName, String terminal,
                              String action, List<String> residents, String purpose, String detail) {
        StringBuilder text = new StringBuilder(256);
        field(text, String.valueOf(at.toInstant().getEpochSecond() * 1_000_000 + at.getNano() / 1_000));
        for (String f : new String[] {city, kind, actorId, actorName, terminal, action}) {
            field(text, f);
        }
        field(text, String.valueOf(residents.size()));
        residents.forEach(r -> field(text, r));
        field(text, purpose);
        field(text, detail);
        return sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value).append(';');
    }

    static byte[] chain(byte[] previous, byte[] content) {
        MessageDigest digest = sha256();
        digest.update(previous);
        return digest.digest(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Head(long seq, byte[] hash) {
    }
}
