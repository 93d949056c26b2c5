package jp.madoguchi.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.out.ExportReceipt;
import jp.madoguchi.application.port.out.ExportRecord;
import jp.madoguchi.application.port.out.HandoffOutbox;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/**
 * The hand-off outbox in PostgreSQL ({@code handoff_record}, {@code handoff_delivery}). Enqueueing joins the caller's
 * unit of work (the completion), so a visit is 完了 exactly when its records are queued. A record queued again, or a
 * delivery for a target it already has, is ignored by the unique keys.
 */
public class JdbiHandoffOutbox implements HandoffOutbox {

    private final Jdbi jdbi;

    public JdbiHandoffOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void enqueue(LocalGovernmentCode city, ReceptionNumber reception, List<ExportRecord> records,
                        List<String> targets, Instant at) {
        if (records.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            for (ExportRecord record : records) {
                long id = h.createQuery("""
                                INSERT INTO handoff_record (city_code, reception, layout, record_key, header, fields, missing, queued_at)
                                VALUES (:city, :reception, :layout, :key, :header, :fields, :missing, :at)
                                ON CONFLICT (city_code, layout, record_key) DO UPDATE SET layout = EXCLUDED.layout
                                RETURNING id""")
                        .bind("city", city.value()).bind("reception", reception.value())
                        .bind("layout", record.layout()).bind("key", record.key())
                        .bind("header", record.columns().keySet().toArray(String[]::new))
                        .bind("fields", record.columns().values().toArray(String[]::new))
                        .bind("missing", record.missing().toArray(String[]::new))
                        .bind("at", utc(at)).mapTo(Long.class).one();
                for (String target : targets) {
                    h.createUpdate("""
                                    INSERT INTO handoff_delivery (city_code, record_id, target, due_at)
                                    VALUES (:city, :id, :target, :at)
                                    ON CONFLICT (record_id, target) DO NOTHING""")
                            .bind("city", city.value()).bind("id", id).bind("target", target).bind("at", utc(at)).execute();
                }
            }
        });
    }

    @Override
    public List<QueuedRecord> recordsAfter(LocalGovernmentCode city, long afterId, String layout, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, reception, layout, record_key, header, fields, missing FROM handoff_record
                         WHERE city_code = :city AND id > :after AND (CAST(:layout AS text) IS NULL OR layout = :layout)
                         ORDER BY id LIMIT :limit""")
                .bind("city", city.value()).bind("after", afterId).bind("layout", layout).bind("limit", limit)
                .map((rs, ctx) -> new QueuedRecord(rs.getLong("id"), ReceptionNumber.parse(rs.getString("reception")), record(rs)))
                .list());
    }

    @Override
    public List<Delivery> due(String target, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT d.id, d.target, d.attempts, r.layout, r.record_key, r.header, r.fields, r.missing
                          FROM handoff_delivery d JOIN handoff_record r ON r.id = d.record_id
                         WHERE d.target = :target AND d.delivered_at IS NULL AND d.due_at <= :now
                         ORDER BY d.due_at, d.id LIMIT :limit""")
                .bind("target", target).bind("now", utc(now)).bind("limit", limit)
                .map((rs, ctx) -> new Delivery(rs.getLong("id"), rs.getString("target"), record(rs), rs.getInt("attempts")))
                .list());
    }

    @Override
    public void delivered(long deliveryId, ExportReceipt receipt, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE handoff_delivery
                           SET delivered_at = :at, location = :location, sha256 = :sha256, attempts = attempts + 1,
                               last_error = NULL
                         WHERE id = :id AND delivered_at IS NULL""")
                .bind("id", deliveryId).bind("at", utc(at)).bind("location", receipt.location())
                .bind("sha256", receipt.sha256()).execute());
    }

    @Override
    public void failed(long deliveryId, String reason, Instant retryAt, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE handoff_delivery SET attempts = attempts + 1, last_error = :reason, due_at = :retry
                         WHERE id = :id AND delivered_at IS NULL""")
                .bind("id", deliveryId).bind("reason", reason).bind("retry", utc(retryAt)).execute());
    }

    @Override
    public List<DeliveryStatus> deliveries(LocalGovernmentCode city, State state, int limit) {
        String where = state == null ? "" : switch (state) {
            case PENDING -> " AND d.delivered_at IS NULL AND d.last_error IS NULL";
            case DELIVERED -> " AND d.delivered_at IS NOT NULL";
            case FAILED -> " AND d.delivered_at IS NULL AND d.last_error IS NOT NULL";
        };
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT d.id, d.target, d.attempts, d.last_error, d.location, d.sha256, d.delivered_at,
                               r.reception, r.layout, r.record_key, r.missing, r.queued_at
                          FROM handoff_delivery d JOIN handoff_record r ON r.id = d.record_id
                         WHERE r.city_code = :city""" + where + " ORDER BY d.id DESC LIMIT :limit")
                .bind("city", city.value()).bind("limit", limit)
                .map((rs, ctx) -> status(rs)).list());
    }

    @Override
    public int resend(LocalGovernmentCode city, Long deliveryId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE handoff_delivery d SET due_at = :now
                         WHERE d.city_code = :city AND d.delivered_at IS NULL
                           AND d.last_error IS NOT NULL AND (CAST(:id AS bigint) IS NULL OR d.id = :id)""")
                .bind("city", city.value()).bind("now", utc(now)).bind("id", deliveryId).execute());
    }

    private static ExportRecord record(ResultSet rs) throws SQLException {
        String[] header = (String[]) rs.getArray("header").getArray();
        String[] fields = (String[]) rs.getArray("fields").getArray();
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i], fields[i]);
        }
        return new ExportRecord(rs.getString("layout"), rs.getString("record_key"), columns,
                Arrays.asList((String[]) rs.getArray("missing").getArray()));
    }

    private static DeliveryStatus status(ResultSet rs) throws SQLException {
        OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
        String error = rs.getString("last_error");
        State state = delivered != null ? State.DELIVERED : error != null ? State.FAILED : State.PENDING;
        return new DeliveryStatus(rs.getLong("id"), ReceptionNumber.parse(rs.getString("reception")),
                rs.getString("layout"), rs.getString("record_key"), rs.getString("target"), state, rs.getInt("attempts"),
                error, rs.getString("location"), rs.getString("sha256"),
                rs.getObject("queued_at", OffsetDateTime.class).toInstant(),
                delivered == null ? null : delivered.toInstant(),
                new ArrayList<>(Arrays.asList((String[]) rs.getArray("missing").getArray())));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
