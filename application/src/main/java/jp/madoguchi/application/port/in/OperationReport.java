package jp.madoguchi.application.port.in;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.domain.statistics.StatisticsPeriod;

/**
 * 稼働報告 of one period for the city's IT staff: availability in opening hours against the goal, logins, errors,
 * linkage imports, kiosk and printer use, backups. No resident is in it.
 *
 * @param days one line per day of the period up to today
 */
public record OperationReport(StatisticsPeriod period, OpeningHours hours, Availability availability, List<Day> days,
                              List<Count> imports, List<Count> kiosks, List<Count> printers, Backups backups) {

    /** The availability the seeds set as the goal in opening hours. */
    public static final double GOAL_PERCENT = 99.5;

    public OperationReport {
        days = List.copyOf(days);
        imports = List.copyOf(imports);
        kiosks = List.copyOf(kiosks);
        printers = List.copyOf(printers);
    }

    public long logins() {
        return days.stream().mapToLong(Day::logins).sum();
    }

    public long failedLogins() {
        return days.stream().mapToLong(Day::failedLogins).sum();
    }

    public long errors() {
        return days.stream().mapToLong(Day::errors).sum();
    }

    /**
     * Minutes of opening hours so far in the period, and those in which a server was serving.
     */
    public record Availability(long openingMinutes, long servedMinutes) {
        public static Availability of(List<Day> days) {
            return new Availability(days.stream().mapToLong(Day::openingMinutes).sum(),
                    days.stream().mapToLong(Day::servedMinutes).sum());
        }

        /** Served share of the opening minutes in percent; {@code null} before any opening minute. */
        public Double percent() {
            return openingMinutes == 0 ? null : 100.0 * servedMinutes / openingMinutes;
        }

        public boolean meetsGoal() {
            return percent() == null || percent() >= GOAL_PERCENT;
        }

        /** 「99.87%」, or 「—」 before any opening minute. */
        public String percentText() {
            return percent() == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f%%", percent());
        }
    }

    public record Day(LocalDate day, long logins, long failedLogins, long errors, long openingMinutes, long servedMinutes) {
    }

    public record Count(String key, String label, long count) {
    }

    /** Backups finished in the period, how many passed their check, and the last one's summary. */
    public record Backups(long runs, long verified, String last) {
    }
}
