package jp.madoguchi.adapters.postgres.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jp.madoguchi.adapters.postgres.statistics.Slice.Angle;
import jp.madoguchi.adapters.postgres.statistics.Slice.Figure;
import jp.madoguchi.application.port.in.VisitStatistics;
import jp.madoguchi.application.port.in.VisitStatistics.Row;
import jp.madoguchi.application.port.in.VisitStatistics.Totals;
import jp.madoguchi.domain.statistics.StatisticsPeriod;

/**
 * The slices of some days added up, and turned into the page's figures in the straight query's order: rows by visits
 * (most first), then key.
 */
final class Slices {

    /** Rows as the straight query orders them; keys are codes, whose order is the same in Java and in C collation. */
    private static final Comparator<Slice> BY_VISITS = Comparator.<Slice>comparingLong(s -> -s.visits)
            .thenComparing(s -> s.key);

    private final Map<Angle, Map<String, Slice>> angles = new EnumMap<>(Angle.class);

    /** The slice of {@code angle} and {@code key}, made on first use. */
    Slice slice(Angle angle, String key, String label) {
        Slice slice = angles.computeIfAbsent(angle, a -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new Slice(angle, key, label));
        slice.label(label);
        return slice;
    }

    Slice total() {
        return slice(Angle.TOTAL, "", "合計");
    }

    void add(Slice other) {
        slice(other.angle, other.key, other.label()).addAll(other);
    }

    void addAll(Slices other) {
        other.all().forEach(this::add);
    }

    Collection<Slice> all() {
        List<Slice> all = new ArrayList<>();
        angles.values().forEach(keys -> all.addAll(keys.values()));
        return all;
    }

    private List<Slice> of(Angle angle) {
        return new ArrayList<>(angles.getOrDefault(angle, Map.of()).values());
    }

    VisitStatistics statistics(StatisticsPeriod period, boolean byStaff) {
        List<Row> channels = rows(Angle.CHANNEL, StatisticsLabels::channel);
        channels.addAll(rows(Angle.CHANNEL_BASIS, StatisticsLabels::channel));
        return new VisitStatistics(period, totals(), rows(Angle.PROCEDURE, null), rows(Angle.DEPARTMENT, null),
                rows(Angle.COUNTER, null), channels,
                rows(Angle.LIFE_EVENT, StatisticsLabels::lifeEvent), byStaff ? rows(Angle.STAFF, null) : List.of(),
                perDay(), hourWeekday(), waitingDistribution(), referrals());
    }

    Totals totals() {
        Map<String, Slice> total = angles.get(Angle.TOTAL);
        if (total == null) {
            return Totals.NONE;
        }
        Slice t = total.get("");
        return new Totals(t.visits, t.figure(Figure.PROCEDURES), t.completed, Slice.times(t.waiting),
                Slice.times(t.handling), Slice.times(t.whole), t.figure(Figure.FORMS_PRINTED),
                t.figure(Figure.SIGNED_VISITS), t.figure(Figure.REFERRALS), t.figure(Figure.ADOPTED_RELATED),
                t.figure(Figure.RELATED_SUGGESTED), t.figure(Figure.RELATED_REMOVED), t.figure(Figure.WITHOUT_HANDWRITING));
    }

    /** @param labels the shown label from the key; {@code null}: the stored name */
    private List<Row> rows(Angle angle, UnaryOperator<String> labels) {
        List<Row> rows = new ArrayList<>();
        of(angle).stream().sorted(BY_VISITS)
                .forEach(s -> rows.add(s.row(labels == null ? s.label() : labels.apply(s.key))));
        return rows;
    }

    private List<VisitStatistics.Referral> referrals() {
        return of(Angle.REFERRAL).stream().sorted(BY_VISITS).map(s -> {
            String[] fromTo = s.label().split("\t", 2);
            return new VisitStatistics.Referral(fromTo[0], fromTo[1], s.visits);
        }).toList();
    }

    private List<VisitStatistics.DayCount> perDay() {
        return of(Angle.DAY).stream().sorted(Comparator.comparing(s -> s.key))
                .map(s -> new VisitStatistics.DayCount(LocalDate.parse(s.key), s.visits)).toList();
    }

    private List<VisitStatistics.HourWeekdayCell> hourWeekday() {
        return of(Angle.HOUR).stream().map(s -> {
                    String[] weekdayHour = s.key.split(":");
                    return new VisitStatistics.HourWeekdayCell(DayOfWeek.of(Integer.parseInt(weekdayHour[0])),
                            Integer.parseInt(weekdayHour[1]), s.visits);
                })
                .sorted(Comparator.comparing(VisitStatistics.HourWeekdayCell::weekday)
                        .thenComparingInt(VisitStatistics.HourWeekdayCell::hour))
                .toList();
    }

    private List<VisitStatistics.WaitingBucket> waitingDistribution() {
        List<Integer> starts = VisitStatistics.WAITING_BUCKET_STARTS;
        Map<String, Slice> total = angles.get(Angle.TOTAL);
        List<VisitStatistics.WaitingBucket> buckets = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Integer to = i + 1 < starts.size() ? starts.get(i + 1) : null;
            buckets.add(new VisitStatistics.WaitingBucket(starts.get(i), to,
                    total == null ? 0 : total.get("").waiting.countBetween(starts.get(i), to)));
        }
        return buckets;
    }
}
