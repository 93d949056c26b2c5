package jp.madoguchi.adapters.postgres.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.NavigableMap;

import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * One pass over a stretch of the chain ({@code fromSeq} exclusive to {@code toSeq} inclusive), stopping at the first
 * entry that does not fit. The entries come by binary COPY and are hashed from the bytes as they arrive (no
 * strings, no dates parsed): ten million entries are a lot of rows. The common case costs two hashes per entry: the
 * content hashed from the fields and chained to the previous entry's hash must give the stored hash. Only an entry
 * that fails is looked at closely, to say whether it was changed, moved, or its predecessors removed.
 */
final class ChainWalk {

    private static final String COLUMNS = "seq, at, city_code, actor_kind, actor_id, actor_name, terminal, action, "
            + "residents, purpose, detail, prev_hash, hash";

    private final ChainHasher hasher = new ChainHasher();
    private final NavigableMap<Long, byte[]> checkpoints;
    long checked;
    long lastSeq;
    byte[] lastHash;
    /** The first entry's link as stored, for the stretch before to meet. */
    byte[] firstPrevious;
    long broken = -1;
    String finding = "";

    /**
     * @param fromHash the chain hash the first entry must follow, or {@code null} to take the first entry's stored
     *                 link (a stretch in the middle, whose start the caller checks against the stretch before)
     */
    ChainWalk(long fromSeq, byte[] fromHash, NavigableMap<Long, byte[]> checkpoints) {
        this.lastSeq = fromSeq;
        this.lastHash = fromHash;
        this.checkpoints = checkpoints;
    }

    /** The query for the stretch; the bounds are numbers, so they can be written into COPY, which takes no parameters. */
    static String copy(long fromSeq, long toSeq) {
        return "COPY (SELECT " + COLUMNS + " FROM audit_entry WHERE seq > " + fromSeq + " AND seq <= " + toSeq
                + " ORDER BY seq) TO STDOUT (FORMAT binary)";
    }

    ChainWalk run(Handle h, long toSeq) {
        try (InputStream in = new PGCopyInputStream(h.getConnection().unwrap(PGConnection.class), copy(lastSeq, toSeq))) {
            BinaryCopyRows rows = new BinaryCopyRows(in);
            while (rows.next()) {
                if (!step(rows)) {
                    rows.drain();
                    break;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("アクセス記録を読めません: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("アクセス記録を読めません", e);
        }
        return this;
    }

    private boolean step(BinaryCopyRows row) {
        long seq = row.int8(0);
        hasher.start();
        hasher.number(row.timestampMicrosSinceEpoch(1));
        for (int field = 2; field <= 7; field++) {
            row.text(field, hasher);
        }
        boolean wellFormed = row.textArray(8, hasher);
        row.text(9, hasher);
        row.text(10, hasher);
        byte[] content = hasher.content();
        byte[] hash = row.bytes(12);
        if (lastHash == null) {
            lastHash = row.bytes(11);
            firstPrevious = lastHash;
        }
        if (wellFormed && seq == lastSeq + 1 && Arrays.equals(hasher.chain(lastHash, content), hash)) {
            return passed(seq, hash);
        }
        byte[] prev = row.bytes(11);
        if (!wellFormed || !Arrays.equals(hash, hasher.chain(prev, content))) {
            return stop(seq, "第" + seq + "番の記録の内容が変更されています");
        }
        if (seq != lastSeq + 1) {
            return stop(lastSeq + 1, "第" + (lastSeq + 1) + "番" + (seq > lastSeq + 2 ? "〜第" + (seq - 1) + "番" : "")
                    + "の記録が削除されています");
        }
        return stop(seq, "第" + seq + "番の記録が前の記録とつながりません（並べ替えられたか、前の記録が差し替えられています）");
    }

    private boolean passed(long seq, byte[] hash) {
        byte[] signed = checkpoints.get(seq);
        if (signed != null && !Arrays.equals(signed, hash)) {
            // every hash fits its neighbours, yet not the signed head: the chain was recomputed after a change
            Long before = checkpoints.lowerKey(seq);
            long from = before == null ? 1 : before + 1;
            return stop(from, "第" + from + "番〜第" + seq + "番の記録が作り直されています（署名済みのチェックポイント第"
                    + seq + "番と一致しません）");
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

    boolean intact() {
        return broken < 0;
    }
}
