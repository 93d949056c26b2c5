package jp.madoguchi.application.port.in;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 開庁時間: when the counters are open, the hours the availability goal is measured in. Weekdays (月〜金) by
 * default; 開庁日 on a Saturday or holidays off are not modelled yet.
 */
public record OpeningHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {

    public static final OpeningHours WEEKDAYS = new OpeningHours(LocalTime.of(8, 30), LocalTime.of(17, 15),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public OpeningHours {
        Objects.requireNonNull(opens, "開庁時刻がありません");
        Objects.requireNonNull(closes, "閉庁時刻がありません");
        if (!closes.isAfter(opens)) {
            throw new Rejection("operations.opening-hours", "閉庁時刻（" + closes + "）が開庁時刻（" + opens + "）より前です");
        }
        days = Set.copyOf(days);
    }

    /** From the setting {@code 08:30-17:15}, on weekdays. */
    public static OpeningHours parse(String text) {
        String[] parts = text.strip().split("-");
        try {
            return new OpeningHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()), WEEKDAYS.days());
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new Rejection("operations.opening-hours", "開庁時間は 08:30-17:15 の形で指定してください: " + text);
        }
    }

    public String label() {
        return "月〜金 " + opens + "〜" + closes;
    }
}
