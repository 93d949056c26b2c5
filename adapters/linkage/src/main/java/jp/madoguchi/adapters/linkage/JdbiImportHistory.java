package jp.madoguchi.adapters.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.out.ImportHistory;
import jp.madoguchi.application.port.out.ImportRecord;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** 取込履歴 as {@link PostgresReplicaLoader} records it. */
public final class JdbiImportHistory implements ImportHistory {

    private static final String SELECT = "SELECT id, linkage_id, file_name, kind, source, outcome, rows_read, rows_added,"
            + " rows_changed, rows_deleted, error_count, report, finished_at, duration_ms FROM linkage_import";

    private final Jdbi jdbi;

    public JdbiImportHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<ImportRecord> recent(LocalGovernmentCode city, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE city_code = :city ORDER BY finished_at DESC, id DESC LIMIT :limit")
                .bind("city", city.value()).bind("limit", limit).map(JdbiImportHistory::record).list());
    }

    @Override
    public Optional<ImportRecord> find(LocalGovernmentCode city, long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE city_code = :city AND id = :id")
                .bind("city", city.value()).bind("id", id).map(JdbiImportHistory::record).findOne());
    }

    private static ImportRecord record(ResultSet rs, StatementContext context) throws SQLException {
        return new ImportRecord(rs.getLong("id"), rs.getString("linkage_id"), rs.getString("file_name"),
                rs.getString("kind"), rs.getString("source"), rs.getString("outcome"), rs.getLong("rows_read"),
                rs.getLong("rows_added"), rs.getLong("rows_changed"), rs.getLong("rows_deleted"),
                rs.getInt("error_count"), rs.getString("report"), rs.getTimestamp("finished_at").toInstant(),
                rs.getLong("duration_ms"));
    }
}
