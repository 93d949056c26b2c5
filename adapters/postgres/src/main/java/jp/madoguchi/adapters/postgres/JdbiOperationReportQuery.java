package jp.madoguchi.adapters.postgres;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.OpeningHours;
import jp.madoguchi.application.port.in.OperationReport;
import jp.madoguchi.application.port.out.OperationReportQuery;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.statistics.StatisticsPeriod;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 稼働報告 from what the system records anyway: logins in the access history, alerts, linkage imports, the kiosks'
 * receptions, form prints, backups; and the minutes a server marked as served ({@code service_heartbeat}).
 */
@Singleton
public class JdbiOperationReportQuery implements OperationReportQuery {

    private static final Map<String, String> OUTCOMES = Map.of("APPLIED", "取込済み", "REJECTED", "拒否（ファイルの誤り）",
            "DUPLICATE", "重複（取込済みのファイル）", "OUT_OF_ORDER", "順序違い");

    private final Jdbi jdbi;
    private final String zone;

    public JdbiOperationReportQuery(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.zone = clock.getZone().getId();
    }

    @Override
    public void markServing(Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO service_heartbeat (minute) VALUES (date_trunc('minute', :at)) "
                + "ON CONFLICT DO NOTHING").bind("at", utc(at)).execute());
    }

    @Override
    public OperationReport of(LocalGovernmentCode city, StatisticsPeriod period, OpeningHours hours, Instant now) {
        return jdbi.withHandle(h -> {
            List<OperationReport.Day> days = days(h, city, period, hours, now);
            return new OperationReport(period, hours, OperationReport.Availability.of(days), days,
                    h.createQuery("""
                                    SELECT outcome, count(*) FROM linkage_import
                                     WHERE city_code = :city AND (finished_at AT TIME ZONE :zone)::date BETWEEN :from AND :to
                                     GROUP BY outcome ORDER BY count(*) DESC, outcome""")
                            .bind("city", city.value()).bind("zone", zone).bind("from", period.from()).bind("to", period.to())
                            .map((rs, ctx) -> new OperationReport.Count(rs.getString(1),
                                    OUTCOMES.getOrDefault(rs.getString(1), rs.getString(1)), rs.getLong(2))).list(),
                    h.createQuery("""
                                    SELECT t.operator_id, count(*) FROM reception r
                                      JOIN LATERAL (SELECT operator_id FROM reception_timeline t
                                                     WHERE t.city_code = r.city_code AND t.number = r.number
                                                     ORDER BY seq LIMIT 1) t ON true
                                     WHERE r.city_code = :city AND r.reception_day BETWEEN :from AND :to
                                       AND r.channel IN ('KIOSK', 'PRE_ENTRY')
                                     GROUP BY t.operator_id ORDER BY t.operator_id""")
                            .bind("city", city.value()).bind("from", period.from()).bind("to", period.to())
                            .map((rs, ctx) -> new OperationReport.Count(rs.getString(1), rs.getString(1), rs.getLong(2))).list(),
                    h.createQuery("""
                                    SELECT printer, count(*) FROM reception_form_print
                                     WHERE city_code = :city AND (printed_at AT TIME ZONE :zone)::date BETWEEN :from AND :to
                                     GROUP BY printer ORDER BY count(*) DESC, printer""")
                            .bind("city", city.value()).bind("zone", zone).bind("from", period.from()).bind("to", period.to())
                            .map((rs, ctx) -> new OperationReport.Count(rs.getString(1), rs.getString(1), rs.getLong(2))).list(),
                    h.createQuery("""
                                    SELECT count(*), count(*) FILTER (WHERE verified),
                                           (SELECT summary FROM backup_run
                                             WHERE (finished_at AT TIME ZONE :zone)::date BETWEEN :from AND :to
                                             ORDER BY finished_at DESC LIMIT 1)
                                      FROM backup_run WHERE (finished_at AT TIME ZONE :zone)::date BETWEEN :from AND :to""")
                            .bind("zone", zone).bind("from", period.from()).bind("to", period.to())
                            .map((rs, ctx) -> new OperationReport.Backups(rs.getLong(1), rs.getLong(2),
                                    rs.getString(3) == null ? "" : rs.getString(3))).one());
        });
    }

    /** Every day of the period up to today: logins, failures and errors, and the opening minutes served so far. */
    private List<OperationReport.Day> days(Handle h, LocalGovernmentCode city, StatisticsPeriod period, OpeningHours hours,
                                           Instant now) {
        LocalDate today = now.atZone(java.time.ZoneId.of(zone)).toLocalDate();
        LocalDate last = period.to().isAfter(today) ? today : period.to();
        Map<LocalDate, long[]> figures = new LinkedHashMap<>();
        for (LocalDate d = period.from(); !d.isAfter(last); d = d.plusDays(1)) {
            figures.put(d, new long[5]);
        }
        if (figures.isEmpty()) {
            return List.of();
        }
        h.createQuery("""
                        SELECT (at AT TIME ZONE :zone)::date, count(*) FILTER (WHERE action = 'LOGIN'),
                               count(*) FILTER (WHERE action = 'LOGIN_FAILED')
                          FROM audit_entry
                         WHERE city_code = :city AND action IN ('LOGIN', 'LOGIN_FAILED')
                           AND at >= :start AND at < :end
                         GROUP BY 1""")
                .bind("city", city.value()).bind("zone", zone).bind("start", start(period.from())).bind("end", start(last.plusDays(1)))
                .map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3)}))
                .forEach(e -> {
                    long[] f = figures.get(e.getKey());
                    if (f != null) {
                        f[0] = e.getValue()[0];
                        f[1] = e.getValue()[1];
                    }
                });
        h.createQuery("""
                        SELECT (raised_at AT TIME ZONE :zone)::date, sum(repeats) FROM operations_alert
                         WHERE raised_at >= :start AND raised_at < :end GROUP BY 1""")
                .bind("zone", zone).bind("start", start(period.from())).bind("end", start(last.plusDays(1)))
                .map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .forEach(e -> {
                    long[] f = figures.get(e.getKey());
                    if (f != null) {
                        f[2] = e.getValue();
                    }
                });
        // the opening minutes that have passed, and those with a server's mark
        h.createQuery("""
                        SELECT (m AT TIME ZONE :zone)::date, count(*), count(s.minute)
                          FROM generate_series(:start, :end, interval '1 minute') m
                          LEFT JOIN service_heartbeat s ON s.minute = m
                         WHERE extract(isodow FROM m AT TIME ZONE :zone)::int IN (<days>)
                           AND (m AT TIME ZONE :zone)::time >= :opens AND (m AT TIME ZONE :zone)::time < :closes
                         GROUP BY 1""")
                .bind("zone", zone).bind("start", start(period.from()))
                .bind("end", utc(min(now.truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES),
                        start(last.plusDays(1)).toInstant().minus(1, ChronoUnit.MINUTES))))
                .bindList("days", hours.days().stream().map(java.time.DayOfWeek::getValue).toList())
                .bind("opens", hours.opens()).bind("closes", hours.closes())
                .map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3)}))
                .forEach(e -> {
                    long[] f = figures.get(e.getKey());
                    if (f != null) {
                        f[3] = e.getValue()[0];
                        f[4] = e.getValue()[1];
                    }
                });
        return figures.entrySet().stream().map(e -> new OperationReport.Day(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3], e.getValue()[4])).toList();
    }

    /** Midnight of {@code day} in city hall time. */
    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(java.time.ZoneId.of(zone)).toOffsetDateTime();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
