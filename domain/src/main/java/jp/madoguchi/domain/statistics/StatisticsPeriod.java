package jp.madoguchi.domain.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 集計期間: the days a statistic covers, both ends included. A day, a week (Monday to Sunday, as a city hall's week
 * runs), a month, a 年度 (April to March) or any range. Each period knows the one before it (same length, just before)
 * and the same period a year earlier, which the supervisors' page compares with.
 */
public record StatisticsPeriod(Kind kind, LocalDate from, LocalDate to) {

    /** The longest range asked for at once: two 年度 and a day, enough to compare a year with the last. */
    public static final long LONGEST_DAYS = 732;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    public enum Kind {
        DAY("日"), WEEK("週"), MONTH("月"), FISCAL_YEAR("年度"), RANGE("期間指定");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public StatisticsPeriod {
        Objects.requireNonNull(kind, "集計期間の種類がありません");
        Objects.requireNonNull(from, "集計期間の初日がありません");
        Objects.requireNonNull(to, "集計期間の末日がありません");
        if (to.isBefore(from)) {
            throw new Rejection("statistics.period-order", "集計期間の末日（" + DAY.format(to) + "）が初日（" + DAY.format(from) + "）より前です。");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > LONGEST_DAYS) {
            throw new Rejection("statistics.period-length", "集計期間は " + LONGEST_DAYS + " 日までにしてください（年度の比較は前年同期の列で見られます）。");
        }
    }

    public static StatisticsPeriod day(LocalDate day) {
        return new StatisticsPeriod(Kind.DAY, day, day);
    }

    /** The week (月曜日〜日曜日) that holds {@code day}. */
    public static StatisticsPeriod week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new StatisticsPeriod(Kind.WEEK, monday, monday.plusDays(6));
    }

    public static StatisticsPeriod month(LocalDate day) {
        return new StatisticsPeriod(Kind.MONTH, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
    }

    /** The 年度 that holds {@code day}: 1 April to 31 March. */
    public static StatisticsPeriod fiscalYear(LocalDate day) {
        int year = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return new StatisticsPeriod(Kind.FISCAL_YEAR, LocalDate.of(year, Month.APRIL, 1), LocalDate.of(year + 1, Month.MARCH, 31));
    }

    public static StatisticsPeriod range(LocalDate from, LocalDate to) {
        return new StatisticsPeriod(Kind.RANGE, from, to);
    }

    /** The period of {@code kind} that holds {@code day}; a range is the one day. */
    public static StatisticsPeriod of(Kind kind, LocalDate day) {
        return switch (kind) {
            case DAY, RANGE -> day(day);
            case WEEK -> week(day);
            case MONTH -> month(day);
            case FISCAL_YEAR -> fiscalYear(day);
        };
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The period just before: the previous day, week, month or 年度; a range of the same length before a range. */
    public StatisticsPeriod previous() {
        return switch (kind) {
            case DAY, WEEK, RANGE -> new StatisticsPeriod(kind, from.minusDays(days()), from.minusDays(1));
            case MONTH -> month(from.minusMonths(1));
            case FISCAL_YEAR -> fiscalYear(from.minusYears(1));
        };
    }

    /** The period just after: the next day, week, month or 年度; a range of the same length after a range. */
    public StatisticsPeriod next() {
        return switch (kind) {
            case DAY, WEEK, RANGE -> new StatisticsPeriod(kind, to.plusDays(1), to.plusDays(days()));
            case MONTH -> month(to.plusDays(1));
            case FISCAL_YEAR -> fiscalYear(to.plusDays(1));
        };
    }

    /**
     * 前年同期: the same days a year earlier. A week is the week a year earlier with the same weekdays (52 weeks back),
     * so Mondays are compared with Mondays; a day is the same date.
     */
    public StatisticsPeriod sameLastYear() {
        return switch (kind) {
            case WEEK -> new StatisticsPeriod(kind, from.minusWeeks(52), to.minusWeeks(52));
            case MONTH -> month(from.minusYears(1));
            case FISCAL_YEAR -> fiscalYear(from.minusYears(1));
            case DAY, RANGE -> new StatisticsPeriod(kind, from.minusYears(1), to.minusYears(1));
        };
    }

    /** For headings and file titles: 「2026年12月1日〜2026年12月7日（週）」. */
    public String label() {
        String days = from.equals(to) ? DAY.format(from) : DAY.format(from) + "〜" + DAY.format(to);
        return switch (kind) {
            case FISCAL_YEAR -> from.getYear() + "年度（" + days + "）";
            case MONTH -> from.getYear() + "年" + from.getMonthValue() + "月";
            case DAY -> days;
            default -> days + "（" + kind.label() + "）";
        };
    }
}
