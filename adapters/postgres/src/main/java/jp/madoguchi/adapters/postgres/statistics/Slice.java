package jp.madoguchi.adapters.postgres.statistics;

import java.util.Arrays;

import jp.madoguchi.application.port.in.VisitStatistics.Row;
import jp.madoguchi.application.port.in.VisitStatistics.Times;
import jp.madoguchi.domain.statistics.MinuteHistogram;

/**
 * One row of the read model while it is added up: the visits of one key of one angle in a day or a month, with their
 * times as minute histograms. Slices of the same angle and key add up across days; the label kept is the least one,
 * as the straight query's {@code min(name)}.
 */
final class Slice {

    /**
     * The angles a slice belongs to; DAY's key is the ISO date, HOUR's the ISO weekday and hour ({@code 3:14}),
     * REFERRAL's the two departments' codes ({@code SHIMIN>HOKEN}) and its label their names, apart by a tab.
     */
    enum Angle { TOTAL, PROCEDURE, DEPARTMENT, CHANNEL, CHANNEL_BASIS, LIFE_EVENT, STAFF, DAY, HOUR, REFERRAL, COUNTER }

    /** The counts kept on the TOTAL slice only, in the order of their columns. */
    enum Figure {
        PROCEDURES, FORMS_PRINTED, SIGNED_VISITS, REFERRALS, ADOPTED_RELATED, RELATED_SUGGESTED, RELATED_REMOVED,
        WITHOUT_HANDWRITING
    }

    final Angle angle;
    final String key;
    private String label;
    long visits;
    long completed;
    final MinuteHistogram waiting;
    final MinuteHistogram handling;
    final MinuteHistogram whole;
    private final long[] figures = new long[Figure.values().length];

    Slice(Angle angle, String key, String label) {
        this(angle, key, label, new MinuteHistogram(), new MinuteHistogram(), new MinuteHistogram());
    }

    Slice(Angle angle, String key, String label, MinuteHistogram waiting, MinuteHistogram handling, MinuteHistogram whole) {
        this.angle = angle;
        this.key = key;
        this.label = label;
        this.waiting = waiting;
        this.handling = handling;
        this.whole = whole;
    }

    String label() {
        return label;
    }

    void label(String other) {
        if (other != null && (label == null || other.compareTo(label) < 0)) {
            label = other;
        }
    }

    long figure(Figure figure) {
        return figures[figure.ordinal()];
    }

    void add(Figure figure, long count) {
        figures[figure.ordinal()] += count;
    }

    /** A visit: counted, and its times (when it got that far). */
    void count(boolean isCompleted, Integer waitingMinutes, Integer handlingMinutes) {
        visits++;
        if (isCompleted) {
            completed++;
        }
        waiting.add(waitingMinutes);
        handling.add(handlingMinutes);
    }

    void addAll(Slice other) {
        label(other.label);
        visits += other.visits;
        completed += other.completed;
        waiting.addAll(other.waiting);
        handling.addAll(other.handling);
        whole.addAll(other.whole);
        for (int i = 0; i < figures.length; i++) {
            figures[i] += other.figures[i];
        }
    }

    Row row(String shownLabel) {
        return new Row(key, shownLabel, visits, completed, times(waiting), times(handling));
    }

    static Times times(MinuteHistogram minutes) {
        return new Times(minutes.median(), minutes.percentile(0.9));
    }

    @Override
    public String toString() {
        return angle + "/" + key + " " + visits + " " + Arrays.toString(figures);
    }
}
