package jp.madoguchi.domain.reception;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 受付番号: the day of the visit and a serial number of that day in the city, written {@code 20261122-0007}.
 * The slip and the screens call the visit by its {@link #callNumber() call number} (7番).
 */
public record ReceptionNumber(LocalDate day, int serial) implements Comparable<ReceptionNumber> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{8})-(\\d{4})");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    public ReceptionNumber {
        if (day == null) {
            throw new Rejection("reception.reception-number", "受付日がありません");
        }
        if (serial < 1 || serial > 9999) {
            throw new Rejection("reception.reception-number", "受付の連番は1〜9999です: " + serial);
        }
    }

    public static ReceptionNumber parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new Rejection("reception.reception-number", "受付番号の形式が正しくありません（例: 20261122-0007）");
        }
        try {
            return new ReceptionNumber(LocalDate.parse(m.group(1), BASIC), Integer.parseInt(m.group(2)));
        } catch (DateTimeParseException e) {
            throw new Rejection("reception.reception-number", "受付番号の日付が正しくありません: " + text, e);
        }
    }

    /** 呼出番号 shown on the slip and called at the counter. */
    public int callNumber() {
        return serial;
    }

    public String value() {
        return day.format(BASIC) + "-" + String.format("%04d", serial);
    }

    @Override
    public int compareTo(ReceptionNumber other) {
        int byDay = day.compareTo(other.day);
        return byDay != 0 ? byDay : Integer.compare(serial, other.serial);
    }

    @Override
    public String toString() {
        return value();
    }
}
