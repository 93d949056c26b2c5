package jp.madoguchi.adapters.postgres.statistics;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Singleton;
import jp.madoguchi.adapters.postgres.statistics.Slice.Angle;
import jp.madoguchi.adapters.postgres.statistics.Slice.Figure;
import jp.madoguchi.application.port.in.VisitStatistics;
import jp.madoguchi.application.port.out.VisitStatisticsQuery;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.statistics.MinuteHistogram;
import jp.madoguchi.domain.statistics.StatisticsPeriod;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * 統計の集計表 (ADR-9): the statistics of a period from the slices of its closed days and months
 * ({@code statistics_slice}), with today counted straight from the visits. A few hundred rows make a 年度 instead of
 * every visit and its timeline, and the figures are those of the {@link StraightVisitStatisticsQuery straight query}
 * exactly: counts add up, and medians and 90th percentiles are taken from the added minute histograms.
 *
 * <p>A closed day is built the first time it is read (or by the nightly preparation) and built again when one of its
 * visits changes afterwards (the triggers of V26 mark it stale). A month's slices are its days' added up, made when
 * the whole month is closed and dropped when one of its days is built again. Builders take a lock per city, so two
 * servers do not build the same day at once; a build that meets a concurrent change to its day is repeated.
 */
@Singleton
public class ReadModelVisitStatisticsQuery implements VisitStatisticsQuery {

    private static final String SELECT_SLICES = """
            SELECT angle, key, label, visits, completed, waiting, handling, whole, procedures, forms_printed,
                   signed_visits, referrals, adopted_related, related_suggested, related_removed, without_handwriting
              FROM statistics_slice
             WHERE city_code = :city
               AND ((span = 'D' AND start = ANY(CAST(:days AS date[]))) OR (span = 'M' AND start = ANY(CAST(:months AS date[]))))
            """;

    private final Jdbi jdbi;
    private final Clock clock;
    private final String zone;

    public ReadModelVisitStatisticsQuery(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.zone = clock.getZone().getId();
    }

    @Override
    public VisitStatistics of(LocalGovernmentCode city, StatisticsPeriod period, boolean byStaff) {
        prepare(city, period.from(), period.to());
        return read(city, period, false).statistics(period, byStaff);
    }

    @Override
    public VisitStatistics.Totals totals(LocalGovernmentCode city, StatisticsPeriod period) {
        prepare(city, period.from(), period.to());
        return read(city, period, true).totals();
    }

    /**
     * Builds the closed days from {@code from} to {@code to} that are not built or are stale, then the whole closed
     * months among them that have no slices. Returns how many days were built.
     */
    @Override
    public int prepare(LocalGovernmentCode city, LocalDate from, LocalDate to) {
        LocalDate lastClosed = min(to, LocalDate.now(clock).minusDays(1));
        if (lastClosed.isBefore(from)) {
            return 0;
        }
        String code = city.value();
        Set<LocalDate> fresh = new HashSet<>(jdbi.withHandle(h -> h.createQuery("""
                        SELECT day FROM statistics_day WHERE city_code = :city AND day BETWEEN :from AND :to AND NOT stale""")
                .bind("city", code).bind("from", from).bind("to", lastClosed).mapTo(LocalDate.class).list()));
        List<LocalDate> toBuild = from.datesUntil(lastClosed.plusDays(1)).filter(day -> !fresh.contains(day)).toList();
        int built = 0;
        for (LocalDate day : withVisits(code, toBuild)) {
            built += buildDay(code, day) ? 1 : 0;
        }
        Set<LocalDate> months = new HashSet<>(jdbi.withHandle(h -> h.createQuery("""
                        SELECT month FROM statistics_month WHERE city_code = :city AND month BETWEEN :from AND :to""")
                .bind("city", code).bind("from", from.withDayOfMonth(1)).bind("to", lastClosed).mapTo(LocalDate.class).list()));
        for (YearMonth month : wholeMonths(from, lastClosed)) {
            if (!months.contains(month.atDay(1))) {
                buildMonth(code, month);
            }
        }
        return built;
    }

    /** Every figure of the period in one read-only snapshot: stored slices of closed days and months, and today. */
    private Slices read(LocalGovernmentCode city, StatisticsPeriod period, boolean totalsOnly) {
        LocalDate today = LocalDate.now(clock);
        LocalDate lastClosed = min(period.to(), today.minusDays(1));
        List<String> wholeMonths = wholeMonths(period.from(), lastClosed).stream().map(m -> m.atDay(1).toString()).toList();
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("SET TRANSACTION READ ONLY");
            // a month is read whole only when its slices are there in this snapshot: one of its days may just have
            // been built again (which drops the month) and the month not yet added up again; then its days are read
            Set<String> months = new HashSet<>(h.createQuery("""
                            SELECT CAST(month AS text) FROM statistics_month
                             WHERE city_code = :city AND month = ANY(CAST(:months AS date[]))""")
                    .bind("city", city.value()).bindArray("months", String.class, wholeMonths).mapTo(String.class).list());
            List<String> days = new ArrayList<>();
            for (LocalDate day = period.from(); !day.isAfter(lastClosed); day = day.plusDays(1)) {
                if (!months.contains(day.withDayOfMonth(1).toString())) {
                    days.add(day.toString());
                }
            }
            Slices slices = new Slices();
            h.createQuery(SELECT_SLICES + (totalsOnly ? " AND angle = 'TOTAL'" : ""))
                    .bind("city", city.value())
                    .bindArray("days", String.class, days)
                    .bindArray("months", String.class, List.copyOf(months))
                    .map((rs, ctx) -> sliceOf(rs))
                    .forEach(slices::add);
            if (!today.isBefore(period.from()) && !today.isAfter(period.to())) {
                slices.addAll(DayTally.of(h, city.value(), today, zone));
            }
            return slices;
        });
    }

    /**
     * Of the days to build, those with visits; the others (weekends, days before the city started) are marked built
     * at once, with no slices, in one statement instead of one build each.
     */
    private List<LocalDate> withVisits(String city, List<LocalDate> days) {
        if (days.isEmpty()) {
            return days;
        }
        List<String> dayStrings = days.stream().map(LocalDate::toString).toList();
        Set<LocalDate> withVisits = new HashSet<>(underCityLock(city, h -> h.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, t -> {
            List<LocalDate> busy = t.createQuery("""
                            SELECT DISTINCT reception_day FROM reception
                             WHERE city_code = :city AND reception_day = ANY(CAST(:days AS date[]))""")
                    .bind("city", city).bindArray("days", String.class, dayStrings).mapTo(LocalDate.class).list();
            List<String> empty = dayStrings.stream().filter(day -> !busy.contains(LocalDate.parse(day))).toList();
            t.createUpdate("""
                            DELETE FROM statistics_slice
                             WHERE city_code = :city AND span = 'D' AND start = ANY(CAST(:days AS date[]))""")
                    .bind("city", city).bindArray("days", String.class, empty).execute();
            t.createUpdate("""
                            INSERT INTO statistics_day (city_code, day, stale, built_at)
                            SELECT :city, day, false, now() FROM unnest(CAST(:days AS date[])) AS day
                            ON CONFLICT (city_code, day) DO UPDATE SET stale = false, built_at = now()""")
                    .bind("city", city).bindArray("days", String.class, empty).execute();
            // a month built while one of these days had visits is added up again
            List<String> months = empty.stream().map(day -> LocalDate.parse(day).withDayOfMonth(1).toString()).distinct().toList();
            t.createUpdate("DELETE FROM statistics_slice WHERE city_code = :city AND span = 'M' AND start = ANY(CAST(:months AS date[]))")
                    .bind("city", city).bindArray("months", String.class, months).execute();
            t.createUpdate("DELETE FROM statistics_month WHERE city_code = :city AND month = ANY(CAST(:months AS date[]))")
                    .bind("city", city).bindArray("months", String.class, months).execute();
            return busy;
        })));
        return days.stream().filter(withVisits::contains).toList();
    }

    /** Builds one closed day's slices; {@code false} when another builder had just done it. */
    private boolean buildDay(String city, LocalDate day) {
        // the marker first, committed: a change to the day's visits from now on marks it stale, and a build whose
        // snapshot missed that change fails on the marker's row and is repeated
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO statistics_day (city_code, day, stale) VALUES (?, ?, true) ON CONFLICT DO NOTHING""", city, day));
        return underCityLock(city, h -> h.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, t -> {
            boolean stale = t.createQuery("SELECT stale FROM statistics_day WHERE city_code = :city AND day = :day")
                    .bind("city", city).bind("day", day).mapTo(Boolean.class).one();
            if (!stale) {
                return false;
            }
            Slices slices = DayTally.of(t, city, day, zone);
            t.execute("DELETE FROM statistics_slice WHERE city_code = ? AND span = 'D' AND start = ?", city, day);
            store(t, city, "D", day, slices);
            t.execute("UPDATE statistics_day SET stale = false, built_at = now() WHERE city_code = ? AND day = ?", city, day);
            LocalDate month = day.withDayOfMonth(1);
            t.execute("DELETE FROM statistics_slice WHERE city_code = ? AND span = 'M' AND start = ?", city, month);
            t.execute("DELETE FROM statistics_month WHERE city_code = ? AND month = ?", city, month);
            return true;
        }));
    }

    /** Adds up a whole closed month's day slices into its own. */
    private void buildMonth(String city, YearMonth month) {
        underCityLock(city, h -> h.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, t -> {
            boolean done = t.createQuery("SELECT count(*) FROM statistics_month WHERE city_code = :city AND month = :month")
                    .bind("city", city).bind("month", month.atDay(1)).mapTo(Long.class).one() > 0;
            long freshDays = t.createQuery("""
                            SELECT count(*) FROM statistics_day
                             WHERE city_code = :city AND day BETWEEN :from AND :to AND NOT stale""")
                    .bind("city", city).bind("from", month.atDay(1)).bind("to", month.atEndOfMonth())
                    .mapTo(Long.class).one();
            if (done || freshDays < month.lengthOfMonth()) {
                return false;
            }
            List<String> days = month.atDay(1).datesUntil(month.plusMonths(1).atDay(1)).map(LocalDate::toString).toList();
            Slices slices = new Slices();
            t.createQuery(SELECT_SLICES).bind("city", city).bindArray("days", String.class, days)
                    .bindArray("months", String.class, List.of())
                    .map((rs, ctx) -> sliceOf(rs))
                    .forEach(slices::add);
            store(t, city, "M", month.atDay(1), slices);
            t.execute("INSERT INTO statistics_month (city_code, month, built_at) VALUES (?, ?, now())", city, month.atDay(1));
            return true;
        }));
    }

    private static Slice sliceOf(ResultSet rs) throws SQLException {
        Slice slice = new Slice(Angle.valueOf(rs.getString("angle")), rs.getString("key"), rs.getString("label"),
                histogram(rs.getArray("waiting")), histogram(rs.getArray("handling")), histogram(rs.getArray("whole")));
        slice.visits = rs.getLong("visits");
        slice.completed = rs.getLong("completed");
        for (Figure figure : Figure.values()) {
            slice.add(figure, rs.getLong(column(figure)));
        }
        return slice;
    }

    private static void store(Handle h, String city, String span, LocalDate start, Slices slices) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO statistics_slice (city_code, span, start, angle, key, label, visits, completed, waiting,
                                              handling, whole, procedures, forms_printed, signed_visits, referrals,
                                              adopted_related, related_suggested, related_removed, without_handwriting)
                VALUES (:city, :span, :start, :angle, :key, :label, :visits, :completed, :waiting, :handling, :whole,
                        :PROCEDURES, :FORMS_PRINTED, :SIGNED_VISITS, :REFERRALS, :ADOPTED_RELATED, :RELATED_SUGGESTED,
                        :RELATED_REMOVED, :WITHOUT_HANDWRITING)""");
        for (Slice slice : slices.all()) {
            batch.bind("city", city).bind("span", span).bind("start", start).bind("angle", slice.angle.name())
                    .bind("key", slice.key).bind("label", slice.label() == null ? "" : slice.label())
                    .bind("visits", Math.toIntExact(slice.visits)).bind("completed", Math.toIntExact(slice.completed))
                    .bindArray("waiting", Integer.class, boxed(slice.waiting))
                    .bindArray("handling", Integer.class, boxed(slice.handling))
                    .bindArray("whole", Integer.class, boxed(slice.whole));
            for (Figure figure : Figure.values()) {
                batch.bind(figure.name(), Math.toIntExact(slice.figure(figure)));
            }
            batch.add();
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** The figure's column: its name in lower case. */
    private static String column(Figure figure) {
        return figure.name().toLowerCase(Locale.ROOT);
    }

    private static Integer[] boxed(MinuteHistogram histogram) {
        return Arrays.stream(histogram.toPairs()).boxed().toArray(Integer[]::new);
    }

    private static MinuteHistogram histogram(Array array) throws SQLException {
        Integer[] pairs = (Integer[]) array.getArray();
        return MinuteHistogram.fromPairs(Arrays.stream(pairs).mapToInt(Integer::intValue).toArray());
    }

    /**
     * Runs {@code work} holding the city's build lock (a session lock, taken before the transaction so that its
     * snapshot sees what the builder before it committed); repeated when it met a concurrent change.
     */
    private <T> T underCityLock(String city, HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(h -> {
            h.execute("SELECT pg_advisory_lock(hashtext('madoguchi.statistics'), hashtext(?))", city);
            try {
                for (int attempt = 1; ; attempt++) {
                    try {
                        return work.withHandle(h);
                    } catch (JdbiException e) {
                        if (attempt == 3 || !serializationFailure(e)) {
                            throw e;
                        }
                    }
                }
            } finally {
                h.execute("SELECT pg_advisory_unlock(hashtext('madoguchi.statistics'), hashtext(?))", city);
            }
        });
    }

    private static boolean serializationFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The months wholly inside the closed days from {@code from} to {@code lastClosed}. */
    private static List<YearMonth> wholeMonths(LocalDate from, LocalDate lastClosed) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(lastClosed); month = month.plusMonths(1)) {
            if (!month.atDay(1).isBefore(from) && !month.atEndOfMonth().isAfter(lastClosed)) {
                months.add(month);
            }
        }
        return months;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
