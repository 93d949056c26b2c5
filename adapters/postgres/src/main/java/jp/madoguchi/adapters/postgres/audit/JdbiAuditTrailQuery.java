package jp.madoguchi.adapters.postgres.audit;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.AuditTrailQuery;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.audit.AuditEntry;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The access history as the auditor reads it: one city only, filtered in SQL, exported as a stream. */
@Singleton
public class JdbiAuditTrailQuery implements AuditTrailQuery {

    private static final String WHERE = """
             WHERE city_code = :city
               AND (:actor = '' OR actor_id = :actor)
               AND (:resident = '' OR residents @> ARRAY[:resident]::text[])
               AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR at < :to)
               AND (:action = '' OR action = :action)""";
    private static final List<String> HEADER = List.of("通番", "日時", "地方公共団体コード", "操作者種別", "操作者ID",
            "操作者名", "端末", "操作", "宛名番号", "目的", "内容", "ハッシュ");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Jdbi jdbi;
    private final ZoneId zone;

    public JdbiAuditTrailQuery(Jdbi jdbi, java.time.Clock clock) {
        this.jdbi = jdbi;
        this.zone = clock.getZone();
    }

    @Override
    public List<RecordedAuditEntry> search(AuditSearch search, int limit) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT * FROM audit_entry " + WHERE
                        + " ORDER BY seq DESC LIMIT :limit"), search)
                .bind("limit", limit)
                .map((rs, ctx) -> new RecordedAuditEntry(rs.getLong("seq"), entry(rs)))
                .list());
    }

    @Override
    public java.util.Map<String, Long> countsByActor(LocalGovernmentCode city, AuditAction action, java.time.Instant since) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT actor_id, count(*) AS n FROM audit_entry
                        WHERE city_code = :city AND action = :action AND at >= :since
                        GROUP BY actor_id ORDER BY n DESC, actor_id""")
                .bind("city", city.value()).bind("action", action.name()).bind("since", since.atOffset(java.time.ZoneOffset.UTC))
                .map((rs, ctx) -> java.util.Map.entry(rs.getString("actor_id"), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    @Override
    public long exportCsv(AuditSearch search, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CsvWriter csv = CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).lineDelimiter(LineDelimiter.CRLF).build(writer);
        csv.writeRecord(HEADER);
        long written = jdbi.inTransaction(h -> bind(h.createQuery("SELECT * FROM audit_entry " + WHERE + " ORDER BY seq"), search)
                .setFetchSize(5_000)
                .scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    long rows = 0;
                    while (rs.next()) {
                        AuditEntry e = entry(rs);
                        // typed user names and terminal ids reach this file: no cell may become a formula
                        csv.writeRecord(jp.madoguchi.domain.shared.CsvCells.safe(List.of(
                                Long.toString(rs.getLong("seq")),
                                WHEN.format(e.at().atZone(zone)), e.city().value(), e.actor().kind().name(),
                                e.actor().id(), e.actor().displayName(), nz(e.terminal()), e.action().label(),
                                String.join(" ", e.residents()), nz(e.purpose()), nz(e.detail()),
                                HexFormat.of().formatHex(rs.getBytes("hash")))));
                        rows++;
                    }
                    return rows;
                }));
        csv.flush();
        return written;
    }

    private static Query bind(Query query, AuditSearch s) {
        return query.bind("city", s.city().value())
                .bind("actor", s.actor() == null ? "" : s.actor())
                .bind("resident", s.resident() == null ? "" : s.resident())
                .bind("from", s.from() == null ? null : OffsetDateTime.ofInstant(s.from(), java.time.ZoneOffset.UTC))
                .bind("to", s.to() == null ? null : OffsetDateTime.ofInstant(s.to(), java.time.ZoneOffset.UTC))
                .bind("action", s.action() == null ? "" : s.action().name());
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getObject("at", OffsetDateTime.class).toInstant(),
                new LocalGovernmentCode(rs.getString("city_code")),
                new Operator(Operator.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_id"),
                        rs.getString("actor_name")),
                rs.getString("terminal"), AuditAction.valueOf(rs.getString("action")),
                Arrays.asList((String[]) rs.getArray("residents").getArray()), rs.getString("purpose"),
                rs.getString("detail"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
