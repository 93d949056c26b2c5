package jp.madoguchi.domain.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 元号: name, one-letter abbreviation, the digit of the legacy {@code GYYMMDD} code, its first and (inclusive)
 * last day. The era of the day an emperor died overlaps the next era by that one day.
 *
 * @param solarCalendarFrom first day from which the era's dates are Gregorian; earlier ones (明治5年まで, 旧暦) are
 *                          kept as written but never converted. Equals {@code firstDay} for later eras.
 */
public record Era(String code, String name, String letter, LocalDate firstDay, LocalDate lastDay,
                  LocalDate solarCalendarFrom) {

    public Era {
        if (code == null || code.isBlank() || name == null || name.isBlank() || letter == null || letter.isBlank()) {
            throw new Rejection("calendar.era", "元号の定義には旧コード・元号・略号が必要です");
        }
        Objects.requireNonNull(firstDay, "元号の初日がありません: " + name);
        if (lastDay != null && lastDay.isBefore(firstDay)) {
            throw new Rejection("calendar.era", "元号「" + name + "」の最終日が初日より前です");
        }
        solarCalendarFrom = solarCalendarFrom == null ? firstDay : solarCalendarFrom;
    }

    public Optional<LocalDate> lastDayIfEnded() {
        return Optional.ofNullable(lastDay);
    }

    /** True when {@code date} lies in this era (both ends included). */
    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay) && (lastDay == null || !date.isAfter(lastDay));
    }

    /** Gregorian year of the era's year {@code eraYear} (元年 = 1). */
    public int gregorianYear(int eraYear) {
        return firstDay.getYear() + eraYear - 1;
    }

    @Override
    public String toString() {
        return name;
    }
}
