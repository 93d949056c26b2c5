package jp.madoguchi.adapters.postgres.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.application.port.in.VisitStatistics;
import jp.madoguchi.application.port.in.VisitStatistics.Row;
import jp.madoguchi.application.port.in.VisitStatistics.Times;
import jp.madoguchi.application.port.in.VisitStatistics.Totals;
import jp.madoguchi.application.port.out.VisitStatisticsQuery;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.statistics.StatisticsPeriod;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The statistics straight over the reception tables and their timelines: one row per visit of the period
 * ({@link #VISITS}), from which every angle is counted. All of a page's figures are read in one repeatable-read
 * transaction, so they add up even while clerks finish visits.
 *
 * <p>This is the definition of every figure. The server reads the {@link ReadModelVisitStatisticsQuery read model}
 * instead, which is fast for a year of a large city; the tests hold the two equal over the same visits, and the
 * read model counts today with the same {@link #VISITS}.
 */
public class StraightVisitStatisticsQuery implements VisitStatisticsQuery {

    /**
     * One row per visit opened in the period, with its first 聞き取り (who and when) and its times in whole minutes;
     * {@code p} is their procedures. Waiting ends at the first call to a counter, or at the first 聞き取り when the
     * visit was taken up without a call (whichever came first). Bound: city, from, to.
     */
    static final String VISITS = """
            WITH v AS (
                SELECT r.number, r.reception_day, r.channel, r.opened_at, r.completed_at, h.at AS heard_at,
                       h.operator_id AS heard_by, h.operator_name AS heard_by_name,
                       floor(extract(epoch FROM least(r.first_called_at, h.at) - r.opened_at) / 60)::int AS waiting,
                       floor(extract(epoch FROM r.completed_at - h.at) / 60)::int AS handling,
                       floor(extract(epoch FROM r.completed_at - r.opened_at) / 60)::int AS whole
                  FROM reception r
                  LEFT JOIN LATERAL (SELECT t.at, t.operator_id, t.operator_name FROM reception_timeline t
                                      WHERE t.city_code = r.city_code AND t.number = r.number AND t.state = 'HEARING'
                                      ORDER BY t.seq LIMIT 1) h ON true
                 WHERE r.city_code = :city AND r.reception_day BETWEEN :from AND :to),
            p AS (SELECT p.procedure_code, p.procedure_name, p.department_code, p.department_name, p.life_event,
                         p.adopted, p.finished_at, v.number, v.waiting, v.heard_at
                    FROM reception_procedure p JOIN v ON p.city_code = :city AND p.number = v.number)
            """;

    /**
     * The procedures of {@link #VISITS} per visit and department: finished when all of them were, at the last of
     * their times.
     */
    static final String DEPARTMENTS = """
            , d AS (SELECT number, department_code, min(department_name) AS department_name, min(waiting) AS waiting,
                           CASE WHEN bool_and(finished_at IS NOT NULL) THEN max(finished_at) END AS finished_at,
                           min(heard_at) AS heard_at
                      FROM p GROUP BY number, department_code)
            """;

    /**
     * Every 回付 of the visits of {@link #VISITS}: the department of the step before (where it was) and of the 回付
     * itself (where it went); 「（記録なし）」 for steps recorded before version 27. A 回付 is a step into 回付 from
     * another state or to another department: a call or a note while a visit waits at its new department is not.
     */
    static final String REFERRALS = """
            , r AS (SELECT coalesce(from_code, '') AS from_code, coalesce(from_name, '（記録なし）') AS from_name,
                           coalesce(department_code, '') AS to_code, coalesce(department_name, '（記録なし）') AS to_name
                      FROM (SELECT t.state, t.department_code, t.department_name,
                                   lag(t.department_code) OVER w AS from_code, lag(t.department_name) OVER w AS from_name,
                                   lag(t.state) OVER w AS from_state
                              FROM reception_timeline t JOIN v ON t.city_code = :city AND t.number = v.number
                            WINDOW w AS (PARTITION BY t.number ORDER BY t.seq)) steps
                     WHERE state = 'REFERRED'
                       AND (from_state IS DISTINCT FROM 'REFERRED' OR from_code IS DISTINCT FROM department_code))
            """;

    /**
     * The counters (窓口) each visit of {@link #VISITS} was called to, once per visit and counter, from the call steps
     * of its timeline.
     */
    static final String COUNTERS = """
            , c AS (SELECT t.number, t.counter_code, min(t.counter_name) AS counter_name
                      FROM reception_timeline t JOIN v ON t.city_code = :city AND t.number = v.number
                     WHERE t.counter_code IS NOT NULL GROUP BY t.number, t.counter_code)
            """;

    /** Median and 90th percentile of a column of minutes (NULLs, visits not that far yet, left out). */
    private static String times(String minutes) {
        return "percentile_disc(0.5) WITHIN GROUP (ORDER BY " + minutes + "), "
                + "percentile_disc(0.9) WITHIN GROUP (ORDER BY " + minutes + ")";
    }

    private final Jdbi jdbi;
    private final String zone;

    public StraightVisitStatisticsQuery(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.zone = clock.getZone().getId();
    }

    /** Nothing to prepare: every figure is counted when it is asked for. */
    @Override
    public int prepare(LocalGovernmentCode city, java.time.LocalDate from, java.time.LocalDate to) {
        return 0;
    }

    @Override
    public VisitStatistics of(LocalGovernmentCode city, StatisticsPeriod period, boolean byStaff) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("SET TRANSACTION READ ONLY");
            return new VisitStatistics(period, totals(h, city, period), perProcedure(h, city, period),
                    perDepartment(h, city, period), perCounter(h, city, period), perChannel(h, city, period),
                    perLifeEvent(h, city, period),
                    byStaff ? perStaff(h, city, period) : List.of(), perDay(h, city, period), hourWeekday(h, city, period),
                    waitingDistribution(h, city, period), referrals(h, city, period));
        });
    }

    @Override
    public Totals totals(LocalGovernmentCode city, StatisticsPeriod period) {
        return jdbi.withHandle(h -> totals(h, city, period));
    }

    private static Totals totals(Handle h, LocalGovernmentCode city, StatisticsPeriod period) {
        return list(h, city, period, VISITS + REFERRALS + """
                , printed AS (SELECT f.number, count(*) AS forms FROM reception_form_print f
                                JOIN v ON f.city_code = :city AND f.number = v.number GROUP BY f.number)
                SELECT count(*), (SELECT count(*) FROM p), count(*) FILTER (WHERE completed_at IS NOT NULL),
                       %s, %s, %s,
                       (SELECT coalesce(sum(forms), 0) FROM printed),
                       (SELECT count(*) FROM reception_signature s JOIN v w ON s.city_code = :city AND s.number = w.number),
                       (SELECT count(*) FROM r),
                       (SELECT count(*) FROM p WHERE p.adopted),
                       (SELECT count(*) FROM related_procedure_item i JOIN v w ON i.city_code = :city AND i.number = w.number
                         WHERE i.origin = 'RULE'),
                       (SELECT count(*) FROM related_procedure_item i JOIN v w ON i.city_code = :city AND i.number = w.number
                         WHERE i.removed_at IS NOT NULL),
                       count(*) FILTER (WHERE completed_at IS NOT NULL AND number IN (SELECT number FROM printed))
                  FROM v""".formatted(times("waiting"), times("handling"), times("whole")),
                (rs, ctx) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), times(rs, 4), times(rs, 6),
                        times(rs, 8), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
                        rs.getLong(15), rs.getLong(16)))
                .get(0);
    }

    /** Each procedure once per visit; its handling ends when that procedure was finished. */
    private static List<Row> perProcedure(Handle h, LocalGovernmentCode city, StatisticsPeriod period) {
        return list(h, city, period, VISITS + """
                SELECT procedure_code, min(procedure_name), count(DISTINCT number),
                       count(DISTINCT number) FILTER (WHERE finished_at IS NOT NULL),
                       %s, %s
                  FROM (SELECT *, floor(extract(epoch FROM finished_at - heard_at) / 60)::int AS handling FROM p) x
                 GROUP BY procedure_code ORDER BY count(DISTINCT number) DESC, procedure_code"""
                .formatted(times("waiting"), times("handling")), StraightVisitStatisticsQuery::row);
    }

    /** A visit once per department it had procedures in; handling ends when the last of them was finished. */
    private static List<Row> perDepartment(Handle h, LocalGovernmentCode city, StatisticsPeriod period) {
        return list(h, city, period, VISITS + DEPARTMENTS + """
                SELECT department_code, min(department_name), count(*), count(*) FILTER (WHERE finished_at IS NOT NULL),
                       %s, %s
                  FROM (SELECT *, floor(extract(epoch FROM finished_at - heard_at) / 60)::int AS handling FROM d) x
                 GROUP BY department_code ORDER BY count(*) DESC, department_code"""
                .formatted(times("waiting"), times("handling")), StraightVisitStatisticsQuery::row);
    }

    /** A visit once per counter it was called to, with the visit's waiting and handling times. */
    private static List<Row> perCounter(Handle h, LocalGovernmentCode city, StatisticsPeriod period) {
        return list(h, city, period, VISITS + COUNTERS + """
                SELECT c.counter_code, min(c.counter_name), count(*), count(*) FILTER (WHERE v.completed_at IS NOT NULL),
                       %s, %s
                  FROM c JOIN v USING (number) GROUP BY c.counter_code ORDER BY count(*) DESC, c.counter_code"""
                .formatted(times("v.waiting"), times("v.handling")), StraightVisitStatisticsQuery::row);
    }

    private static List<Row> perChannel(Handle h, LocalGovernmentCode city, StatisticsPeriod period) {
        return list(h, city, period, VISITS + """
                SELECT * FROM (
                    SELECT channel, channel, count(*), count(*) FILTER (WHERE completed_at IS NOT NULL), %1$s, %2$s, 0 AS part
                      FROM v GROUP BY channel
                    UNION ALL
                    SELECT m.basis, m.basis, count(*), count(*) FILTER (WHERE v.completed_at IS NOT NULL),
                           %3$s, %4$s, 1 AS part
                      FROM v JOIN reception_move_in m ON m.city_code = :city AND m.number = v.number GROUP BY m.basis) c
                 ORDER BY part, 3 DESC, 1"""
                .formatted(times("waiting"), times("handling"), times("v.waiting"), times("v.handling")), (rs, ctx) -> {
                    Row row = row(rs, ctx);
                    return new Row(row.key(), StatisticsLabels.channel(row.key()), row.visits(), row.completed(), row.waiting(),
                            row.handling());
                });
    }

    private static List<Row> perLifeEvent(Handle h, LocalGovernmentCode city, StatisticsPeriod period) {
        return list(h, city, period, VISITS + """
                , e AS (SELECT DISTINCT number, life_event FROM p)
                SELECT e.life_event, e.life_event, count(*), count(*) FILTER (WHERE v.completed_at IS NOT NULL),
                       %s, %s
                  FROM e JOIN v USING (number) GROUP BY e.life_event ORDER BY count(*) DESC, e.life_event"""
                .formatted(times("v.waiting"), times("v.handling")), (rs, ctx) -> {
                    Row row = row(rs, ctx);
                    return new Row(row.key(), StatisticsLabels.lifeEvent(row.key()), row.visits(), row.completed(), row.waiting(),
                            row.handling());
                });
    }

    /** Per member of staff: the visits whose 聞き取り they started. */
    private static List<Row> perStaff(Handle h, LocalGovernmentCode city, StatisticsPeriod period) {
        return list(h, city, period, VISITS + """
                SELECT heard_by, min(heard_by_name), count(*), count(*) FILTER (WHERE completed_at IS NOT NULL), %s, %s
                  FROM v WHERE heard_by IS NOT NULL GROUP BY heard_by ORDER BY count(*) DESC, heard_by"""
                .formatted(times("waiting"), times("handling")), StraightVisitStatisticsQuery::row);
    }

    /** 回付 per pair: from the department of the step before to the one the visit was sent to. */
    private static List<VisitStatistics.Referral> referrals(Handle h, LocalGovernmentCode city, StatisticsPeriod period) {
        return list(h, city, period, VISITS + REFERRALS + """
                SELECT min(from_name), min(to_name), count(*) FROM r
                 GROUP BY from_code, to_code ORDER BY count(*) DESC, from_code || '>' || to_code""",
                (rs, ctx) -> new VisitStatistics.Referral(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    private static List<VisitStatistics.DayCount> perDay(Handle h, LocalGovernmentCode city, StatisticsPeriod period) {
        return list(h, city, period, VISITS + "SELECT reception_day, count(*) FROM v GROUP BY reception_day ORDER BY reception_day",
                (rs, ctx) -> new VisitStatistics.DayCount(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2)));
    }

    private List<VisitStatistics.HourWeekdayCell> hourWeekday(Handle h, LocalGovernmentCode city, StatisticsPeriod period) {
        return h.createQuery(VISITS + """
                        SELECT extract(isodow FROM opened_at AT TIME ZONE :zone)::int,
                               extract(hour FROM opened_at AT TIME ZONE :zone)::int, count(*)
                          FROM v GROUP BY 1, 2 ORDER BY 1, 2""")
                .bind("city", city.value()).bind("from", period.from()).bind("to", period.to()).bind("zone", zone)
                .map((rs, ctx) -> new VisitStatistics.HourWeekdayCell(DayOfWeek.of(rs.getInt(1)), rs.getInt(2), rs.getLong(3)))
                .list();
    }

    private static List<VisitStatistics.WaitingBucket> waitingDistribution(Handle h, LocalGovernmentCode city,
                                                                          StatisticsPeriod period) {
        List<Integer> starts = VisitStatistics.WAITING_BUCKET_STARTS;
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            columns.add("count(*) FILTER (WHERE waiting >= " + starts.get(i)
                    + (i + 1 < starts.size() ? " AND waiting < " + starts.get(i + 1) : "") + ")");
        }
        return list(h, city, period, VISITS + "SELECT " + String.join(", ", columns) + " FROM v", (rs, ctx) -> {
            List<VisitStatistics.WaitingBucket> buckets = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                buckets.add(new VisitStatistics.WaitingBucket(starts.get(i),
                        i + 1 < starts.size() ? starts.get(i + 1) : null, rs.getLong(i + 1)));
            }
            return buckets;
        }).get(0);
    }

    private static <T> List<T> list(Handle h, LocalGovernmentCode city, StatisticsPeriod period, String sql, RowMapper<T> mapper) {
        return h.createQuery(sql).bind("city", city.value()).bind("from", period.from()).bind("to", period.to())
                .map(mapper).list();
    }

    /** key, label, visits, completed, waiting median, waiting p90, handling median, handling p90. */
    private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), times(rs, 5), times(rs, 7));
    }

    private static Times times(ResultSet rs, int column) throws SQLException {
        return new Times((Integer) rs.getObject(column), (Integer) rs.getObject(column + 1));
    }
}
