package jp.madoguchi.adapters.linkage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.out.ReplicaRetention;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/**
 * Purges 除票 residents (住民状態 2 転出, 3 死亡, 9 消除) whose 異動年月日 is before the cutoff, with their 異動履歴,
 * in one transaction, and records what it removed by status.
 */
public final class JdbiReplicaRetention implements ReplicaRetention {

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiReplicaRetention(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public PurgeReport purge(LocalGovernmentCode city, LocalDate cutoff) {
        return jdbi.inTransaction(h -> {
            h.execute("CREATE TEMP TABLE expired ON COMMIT DROP AS SELECT addressee_number, status FROM resident"
                    + " WHERE city_code = ? AND status <> '1' AND moved_on < ?", city.value(), cutoff);
            List<Map<String, Object>> byStatus = h.createQuery("SELECT status, count(*) AS n FROM expired GROUP BY status ORDER BY status")
                    .mapToMap().list();
            long movements = h.createUpdate("DELETE FROM resident_movement m USING expired e"
                    + " WHERE m.city_code = :city AND m.addressee_number = e.addressee_number").bind("city", city.value()).execute();
            long residents = h.createUpdate("DELETE FROM resident r USING expired e"
                    + " WHERE r.city_code = :city AND r.addressee_number = e.addressee_number").bind("city", city.value()).execute();
            StringBuilder details = new StringBuilder();
            for (Map<String, Object> row : byStatus) {
                String label = switch ((String) row.get("status")) {
                    case "2" -> "転出";
                    case "3" -> "死亡";
                    default -> "その他消除";
                };
                details.append(details.length() == 0 ? "" : "、").append(label).append(' ').append(row.get("n")).append(" 人");
            }
            String text = residents == 0 ? "削除対象の除票はありませんでした" : details + "（異動履歴 " + movements + " 件）";
            h.createUpdate("INSERT INTO replica_purge (city_code, purged_at, cutoff, residents, movements, details)"
                            + " VALUES (:city, :at, :cutoff, :residents, :movements, :details)")
                    .bind("city", city.value()).bind("at", clock.instant().atOffset(java.time.ZoneOffset.UTC)).bind("cutoff", cutoff)
                    .bind("residents", residents).bind("movements", movements).bind("details", text).execute();
            return new PurgeReport(cutoff, residents, movements, text);
        });
    }
}
