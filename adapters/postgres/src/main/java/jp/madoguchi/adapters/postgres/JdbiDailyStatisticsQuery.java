package jp.madoguchi.adapters.postgres;

import java.time.LocalDate;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.DailyStatistics;
import jp.madoguchi.application.port.out.DailyStatisticsQuery;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/** A read model straight over the reception tables (no aggregate loading). */
@Singleton
public class JdbiDailyStatisticsQuery implements DailyStatisticsQuery {

    private final Jdbi jdbi;

    public JdbiDailyStatisticsQuery(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public DailyStatistics forDay(LocalGovernmentCode city, LocalDate day) {
        return jdbi.withHandle(h -> new DailyStatistics(day, h.createQuery("""
                        SELECT p.procedure_code, min(p.procedure_name) AS name, count(*) AS receptions,
                               count(*) FILTER (WHERE r.state = 'COMPLETED') AS completed
                        FROM reception r
                        JOIN reception_procedure p ON p.city_code = r.city_code AND p.number = r.number
                        WHERE r.city_code = :city AND r.reception_day = :day
                        GROUP BY p.procedure_code
                        ORDER BY receptions DESC, p.procedure_code""")
                .bind("city", city.value())
                .bind("day", day)
                .map((rs, ctx) -> new DailyStatistics.ProcedureCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list()));
    }
}
