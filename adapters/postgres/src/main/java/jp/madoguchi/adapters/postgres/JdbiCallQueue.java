package jp.madoguchi.adapters.postgres;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.CallQueue;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/**
 * The calling's view of the {@code reception} table: one indexed query each, since the display asks every second
 * and the timelines are not needed.
 */
@Singleton
public class JdbiCallQueue implements CallQueue {

    private final Jdbi jdbi;

    public JdbiCallQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ReceptionNumber> next(LocalGovernmentCode city, LocalDate day, String departmentCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT number FROM reception
                         WHERE city_code = :city AND reception_day = :day AND department_code = :department
                           AND state IN ('RECEIVED', 'REFERRED') AND call_counter_code IS NULL
                         ORDER BY serial LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .bind("city", city.value()).bind("day", day).bind("department", departmentCode)
                .mapTo(String.class).findOne().map(ReceptionNumber::parse));
    }

    @Override
    public int ahead(LocalGovernmentCode city, LocalDate day, String departmentCode, ReceptionNumber number) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM reception
                         WHERE city_code = :city AND reception_day = :day AND department_code = :department
                           AND state IN ('RECEIVED', 'REFERRED') AND call_counter_code IS NULL AND serial < :serial""")
                .bind("city", city.value()).bind("day", day).bind("department", departmentCode)
                .bind("serial", number.serial())
                .mapTo(Integer.class).one());
    }

    @Override
    public Optional<Duration> typicalHandling(LocalGovernmentCode city, LocalDate day, String departmentCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - first_called_at))
                          FROM reception
                         WHERE city_code = :city AND reception_day = :day AND department_code = :department
                           AND completed_at IS NOT NULL AND first_called_at IS NOT NULL""")
                .bind("city", city.value()).bind("day", day).bind("department", departmentCode)
                .mapTo(Double.class).findOne()
                .map(seconds -> Duration.ofSeconds(Math.round(seconds))));
    }

    @Override
    public Map<String, Integer> waiting(LocalGovernmentCode city, LocalDate day) {
        Map<String, Integer> waiting = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT department_code, count(*) FROM reception
                         WHERE city_code = :city AND reception_day = :day
                           AND state IN ('RECEIVED', 'REFERRED') AND call_counter_code IS NULL
                         GROUP BY department_code""")
                .bind("city", city.value()).bind("day", day)
                .map((rs, ctx) -> waiting.put(rs.getString(1), rs.getInt(2))).list());
        return waiting;
    }

    @Override
    public List<Called> called(LocalGovernmentCode city, LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT number, call_counter_code, call_counter_name, called_at, call_times,
                               state IN ('RECEIVED', 'REFERRED')
                          FROM reception
                         WHERE city_code = :city AND reception_day = :day AND called_at IS NOT NULL
                           AND call_counter_code IS NOT NULL AND NOT call_absent AND state <> 'COMPLETED'
                         ORDER BY called_at DESC, number""")
                .bind("city", city.value()).bind("day", day)
                .map((rs, ctx) -> new Called(ReceptionNumber.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5), rs.getBoolean(6)))
                .list());
    }
}
