package jp.madoguchi.adapters.postgres.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** The row counts a backup's check compares: taken on the live database and on the restored copy alike. */
final class TableCounts {

    /** 受付, 署名, アクセス記録, 住民, 職員: what a city would miss first. */
    static final List<String> TABLES = List.of("reception", "reception_signature", "audit_entry", "resident", "staff_account");

    private TableCounts() {
    }

    static Map<String, Long> of(DataSource database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("件数を数えられません: " + e.getMessage(), e);
        }
    }
}
