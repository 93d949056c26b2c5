package jp.madoguchi.domain.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.domain.shared.Rejection;

/**
 * A date as the resident registry records it: in 和暦, and not always a calendar date.
 *
 * <p>住民記録 must hold 不詳日 (「昭和20年頃」, 「令和3年4月上旬」, 「年月日不詳」), non-calendar dates such as 2月30日,
 * and the overlap days 明治45年7月30日 and 大正15年12月25日 (標準仕様 1.1.8). {@link java.time.chrono.JapaneseDate}
 * can hold none of these, so this type keeps the era and whatever of year, month and day is known, plus the
 * text as written ({@code notation}) whenever the date is not exact. It converts to a {@link LocalDate} only
 * when the date is exact, real and inside its era.
 *
 * @param era      the 元号, null only when even the era is unknown
 * @param year     year of the era (元年 = 1), or null
 * @param month    1–12, or null
 * @param day      1–31, or null (31 is accepted in any month: non-calendar dates are data)
 * @param notation the text as written for a 不詳日; null for an exact date
 */
public record WarekiDate(Era era, Integer year, Integer month, Integer day, String notation) {

    private static final Pattern ERA_DATE = Pattern.compile("^(\\D+?)(元|\\d{1,2})年(?:(\\d{1,2})月(?:(\\d{1,2})日)?)?(.*)$");

    public WarekiDate {
        notation = notation == null || notation.isBlank() ? null : notation.strip();
        if (year != null && era == null) {
            throw new Rejection("calendar.wareki-date", "年があるのに元号がありません");
        }
        if (month != null && year == null || day != null && month == null) {
            throw new Rejection("calendar.wareki-date", "日付は年・月・日の順に分かっている必要があります");
        }
        if (year != null && (year < 1 || year > 99)) {
            throw new Rejection("calendar.wareki-date", "和暦の年は1〜99です: " + year);
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new Rejection("calendar.wareki-date", "月は1〜12です: " + month);
        }
        if (day != null && (day < 1 || day > 31)) {
            throw new Rejection("calendar.wareki-date", "日は1〜31です: " + day);
        }
        if (day == null && notation == null) {
            throw new Rejection("calendar.wareki-date", "年月日の一部が不詳の日付には表記（例:「昭和20年頃」）が必要です");
        }
    }

    /** An exact date such as 令和元年5月1日 (which need not be a calendar date: 平成2年2月30日 is kept too). */
    public static WarekiDate of(Era era, int year, int month, int day) {
        return new WarekiDate(era, year, month, day, null);
    }

    /** The 和暦 of a Gregorian date; on an overlap day, the new era. */
    public static WarekiDate of(LocalDate date, EraTable eras) {
        Era era = eras.eraOf(date);
        return new WarekiDate(era, date.getYear() - era.firstDay().getYear() + 1, date.getMonthValue(),
                date.getDayOfMonth(), null);
    }

    /** A 不詳日: the known parts and the text as written. */
    public static WarekiDate uncertain(String notation, Era era, Integer year, Integer month) {
        if (notation == null || notation.isBlank()) {
            throw new Rejection("calendar.wareki-date", "不詳日には表記が必要です");
        }
        return new WarekiDate(era, year, month, null, notation);
    }

    /**
     * Reads a date written in 和暦: 「令和元年5月1日」, 「平成2年2月30日」 (kept, not a calendar date), 「昭和20年頃」,
     * 「令和3年4月上旬」, 「年月日不詳」. Full-width digits are accepted. Text that names no known era is kept as a
     * 不詳日 with no parts.
     */
    public static WarekiDate parse(String text, EraTable eras) {
        if (text == null || text.isBlank()) {
            throw new Rejection("calendar.wareki-date", "日付がありません");
        }
        String written = text.strip();
        Matcher m = ERA_DATE.matcher(toAsciiDigits(written).replace(" ", "").replace("\u3000", ""));
        if (!m.matches()) {
            // 「令和○年頃」: the era is known even when the year is not
            Era named = eras.eras().stream().filter(e -> written.startsWith(e.name())).findFirst().orElse(null);
            return uncertain(written, named, null, null);
        }
        Optional<Era> era = eras.byName(m.group(1));
        if (era.isEmpty()) {
            return uncertain(written, null, null, null);
        }
        int year = "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2));
        Integer month = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        Integer day = m.group(4) == null ? null : Integer.valueOf(m.group(4));
        boolean exact = day != null && m.group(5).isEmpty();
        return new WarekiDate(era.get(), year, month, exact ? day : null, exact ? null : written);
    }

    /**
     * Reads the legacy linkage code {@code GYYMMDD} (G = 旧コード of the era). {@code 00} for month or day means
     * unknown; then {@code notation} (the {@code _表記} column) must say how the date is written.
     */
    public static WarekiDate fromLegacyCode(String code, String notation, EraTable eras) {
        if (code == null || !code.matches("\\d{7}")) {
            throw new Rejection("calendar.wareki-date", "和暦コードは GYYMMDD の7桁です: " + code);
        }
        Era era = eras.byCode(code.substring(0, 1))
                .orElseThrow(() -> new Rejection("calendar.wareki-date", "和暦コードの元号「" + code.charAt(0) + "」は元号の表にありません"));
        int year = Integer.parseInt(code.substring(1, 3));
        int month = Integer.parseInt(code.substring(3, 5));
        int day = Integer.parseInt(code.substring(5, 7));
        return new WarekiDate(era, year == 0 ? null : year, month == 0 || year == 0 ? null : month,
                day == 0 || month == 0 || year == 0 ? null : day, notation);
    }

    /** Year, month and day all known, with no qualifier. */
    public boolean isExact() {
        return day != null && notation == null;
    }

    /** The Gregorian date, only when this is an exact, real date inside its era and after the lunar calendar. */
    public Optional<LocalDate> toLocalDate() {
        if (!isExact()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.of(era.gregorianYear(year), month, day);
        } catch (DateTimeException notACalendarDate) {
            return Optional.empty();
        }
        if (!era.contains(date) || date.isBefore(era.solarCalendarFrom())) {
            return Optional.empty();
        }
        return Optional.of(date);
    }

    /** 表示: 「令和元年5月1日」, or a 不詳日 exactly as written. */
    public String format() {
        if (notation != null) {
            return notation;
        }
        return era.name() + (year == 1 ? "元" : String.valueOf(year)) + "年" + month + "月" + day + "日";
    }

    /** 西暦表示 (外国人住民の生年月日): 「1985年4月1日」 when convertible, else as {@link #format()}. */
    public String formatGregorian() {
        return toLocalDate()
                .map(d -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日")
                .orElseGet(this::format);
    }

    /** The legacy {@code GYYMMDD} code, with {@code 00} for unknown parts. */
    public String toLegacyCode() {
        if (era == null) {
            throw new IllegalStateException("元号が不詳の日付は和暦コードにできません");
        }
        return era.code() + two(year) + two(month) + two(day);
    }

    private static String two(Integer value) {
        return value == null ? "00" : String.format("%02d", value);
    }

    private static String toAsciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(cp >= '０' && cp <= '９' ? cp - '０' + '0' : cp));
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
