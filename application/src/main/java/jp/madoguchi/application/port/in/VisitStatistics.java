package jp.madoguchi.application.port.in;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.domain.statistics.StatisticsPeriod;

/**
 * 来庁の統計 of one period, read from the visits' timelines. A visit counts once however many procedures it asked
 * for; each procedure counts once in its own row. Times are whole minutes (truncated):
 * <ul>
 *   <li>待ち時間: from 受付 to the first call to a counter (呼出), or to the first 聞き取り when the visit was taken
 *       up without a call, whichever came first;</li>
 *   <li>処理時間: from the first 聞き取り to 完了 (for a procedure or a department: to when its procedures were
 *       finished);</li>
 *   <li>滞在時間: from 受付 to 完了 of the whole visit, across every department it was sent to (回付).</li>
 * </ul>
 * No row names a resident; a row per member of staff is only filled for a role allowed to see it.
 */
public record VisitStatistics(StatisticsPeriod period, Totals totals, List<Row> perProcedure, List<Row> perDepartment,
                              List<Row> perCounter, List<Row> perChannel, List<Row> perLifeEvent, List<Row> perStaff, List<DayCount> perDay,
                              List<HourWeekdayCell> hourWeekday, List<WaitingBucket> waitingDistribution,
                              List<Referral> referrals) {

    /** The waiting-time distribution's bars, in minutes: 0–4, 5–9, 10–14, 15–19, 20–29, 30–44, 45–59, 60 and over. */
    public static final List<Integer> WAITING_BUCKET_STARTS = List.of(0, 5, 10, 15, 20, 30, 45, 60);

    public VisitStatistics {
        perProcedure = List.copyOf(perProcedure);
        perDepartment = List.copyOf(perDepartment);
        perCounter = List.copyOf(perCounter);
        perChannel = List.copyOf(perChannel);
        perLifeEvent = List.copyOf(perLifeEvent);
        perStaff = List.copyOf(perStaff);
        perDay = List.copyOf(perDay);
        hourWeekday = List.copyOf(hourWeekday);
        waitingDistribution = List.copyOf(waitingDistribution);
        referrals = List.copyOf(referrals);
    }

    /** Median and 90th percentile in minutes; {@code null} when no visit of the row got that far. */
    public record Times(Integer median, Integer p90) {
        public static final Times NONE = new Times(null, null);
    }

    /**
     * The whole period.
     *
     * @param procedures         procedures asked for (a visit with two counts two)
     * @param formsPrinted       forms printed from the system
     * @param signedVisits       visits signed on the counter tablet
     * @param referrals          回付 to another department
     * @param adoptedRelated     related procedures the clerk kept (関連手続から追加)
     * @param relatedSuggested   related procedures the rules suggested (関連手続の提示)
     * @param relatedRemoved     suggested or added related procedures the clerk removed, with a reason
     * @param withoutHandwriting finished visits whose forms were all printed by the system (書かずに済んだ来庁)
     */
    public record Totals(long visits, long procedures, long completed, Times waiting, Times handling, Times wholeVisit,
                         long formsPrinted, long signedVisits, long referrals, long adoptedRelated, long relatedSuggested,
                         long relatedRemoved, long withoutHandwriting) {
        public static final Totals NONE = new Totals(0, 0, 0, Times.NONE, Times.NONE, Times.NONE, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * One row of an angle (a procedure, a department, a counter called to, a channel, a life event, a member of staff). The channels also
     * have rows 「うち」 for the 転入 opened from a 転出証明書 and from a My Number Card (特例転入), which are counted in
     * their channel too.
     */
    public record Row(String key, String label, long visits, long completed, Times waiting, Times handling) {
    }

    /**
     * 回付 from one department to another: how many times a visit was sent on between them (a visit sent through
     * three departments counts twice). A department not recorded (steps before version 27) is 「（記録なし）」.
     */
    public record Referral(String fromDepartment, String toDepartment, long referrals) {
    }

    public record DayCount(LocalDate day, long visits) {
    }

    /** Visits opened in one hour of one weekday (city hall time). */
    public record HourWeekdayCell(DayOfWeek weekday, int hour, long visits) {
    }

    /** Visits that waited from {@code fromMinute} to before {@code toMinute} ({@code null}: no upper end). */
    public record WaitingBucket(int fromMinute, Integer toMinute, long visits) {
        public String label() {
            return toMinute == null ? fromMinute + "分以上" : fromMinute + "〜" + (toMinute - 1) + "分";
        }
    }
}
