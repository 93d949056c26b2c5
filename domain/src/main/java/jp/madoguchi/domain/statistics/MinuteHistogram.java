package jp.madoguchi.domain.statistics;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * 分単位の度数分布: how many visits waited (or were handled) for each whole number of minutes. Days' histograms add
 * up to a month's or a year's, and the median and the 90th percentile read from the sum are exactly those of the
 * visits themselves: a percentile is the first minute whose running count reaches {@code ceil(p × n)}, the
 * definition of PostgreSQL's {@code percentile_disc}, which the straight query over the visits uses. So the statistics
 * read model keeps one of these per day and angle instead of every visit's times.
 *
 * <p>Kept sparse (only the minutes that occur) and written as pairs {@code [minute, count, minute, count, ...]}.
 * Mutable while it is being added up; not shared between threads.
 */
public final class MinuteHistogram {

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;

    /** One visit of {@code minutes}; {@code null} (not that far yet) is not counted. */
    public MinuteHistogram add(Integer minutes) {
        if (minutes != null) {
            add(minutes, 1);
        }
        return this;
    }

    public MinuteHistogram add(int minute, long visits) {
        if (visits < 0) {
            throw new IllegalArgumentException("度数は負にできません: " + visits);
        }
        if (visits > 0) {
            counts.merge(minute, visits, Long::sum);
            total += visits;
        }
        return this;
    }

    public MinuteHistogram addAll(MinuteHistogram other) {
        other.counts.forEach(this::add);
        return this;
    }

    public long count() {
        return total;
    }

    /** The median: {@link #percentile(double) percentile(0.5)}. */
    public Integer median() {
        return percentile(0.5);
    }

    /**
     * The smallest minute with at least {@code ceil(p × n)} visits at or below it (at least the first); {@code null}
     * when nothing was counted. The product is taken in double precision as PostgreSQL takes it.
     */
    public Integer percentile(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("百分位は 0〜1 です: " + p);
        }
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long running = 0;
        for (Map.Entry<Integer, Long> minute : counts.entrySet()) {
            running += minute.getValue();
            if (running >= rank) {
                return minute.getKey();
            }
        }
        return counts.lastKey();
    }

    /** Visits from {@code fromMinute} to before {@code toMinute}; {@code null}: no upper end. */
    public long countBetween(int fromMinute, Integer toMinute) {
        var range = toMinute == null ? counts.tailMap(fromMinute, true) : counts.subMap(fromMinute, true, toMinute, false);
        return range.values().stream().mapToLong(Long::longValue).sum();
    }

    /** As stored: {@code [minute, count, ...]} in ascending minutes. */
    public int[] toPairs() {
        int[] pairs = new int[counts.size() * 2];
        int i = 0;
        for (Map.Entry<Integer, Long> minute : counts.entrySet()) {
            pairs[i++] = minute.getKey();
            pairs[i++] = Math.toIntExact(minute.getValue());
        }
        return pairs;
    }

    public static MinuteHistogram fromPairs(int[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("度数分布は分と度数の組です: " + Arrays.toString(pairs));
        }
        MinuteHistogram histogram = new MinuteHistogram();
        for (int i = 0; i < pairs.length; i += 2) {
            histogram.add(pairs[i], pairs[i + 1]);
        }
        return histogram;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinuteHistogram other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
