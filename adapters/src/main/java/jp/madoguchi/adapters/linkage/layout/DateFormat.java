package jp.madoguchi.adapters.linkage.layout;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;

/** The date formats a linkage layout may declare (LINKAGE.md): {@code YYYYMMDD}, {@code YYYY-MM-DD}, 和暦 {@code GYYMMDD}. */
public enum DateFormat {
    BASIC("YYYYMMDD", "\\d{8}"),
    ISO("YYYY-MM-DD", "\\d{4}-\\d{2}-\\d{2}"),
    WAREKI_CODE("GYYMMDD", "[1-9]\\d{6}");

    private final String pattern;
    private final String regex;

    DateFormat(String pattern, String regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    public String pattern() {
        return pattern;
    }

    public static Optional<DateFormat> byPattern(String pattern) {
        for (DateFormat f : values()) {
            if (f.pattern.equalsIgnoreCase(pattern.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The calendar date the text stands for, or empty when it is in the right shape but not a calendar date
     * (2月30日, 昭和64年2月): such values are kept through the {@code _表記} companion, never guessed.
     *
     * @throws IllegalArgumentException when the text is not in this format at all
     */
    public Optional<LocalDate> parse(String text, EraTable eras) {
        if (!text.matches(regex)) {
            throw new IllegalArgumentException("日付は " + pattern + " の形式で指定してください");
        }
        try {
            return switch (this) {
                case BASIC -> Optional.of(LocalDate.of(Integer.parseInt(text.substring(0, 4)),
                        Integer.parseInt(text.substring(4, 6)), Integer.parseInt(text.substring(6, 8))));
                case ISO -> Optional.of(LocalDate.of(Integer.parseInt(text.substring(0, 4)),
                        Integer.parseInt(text.substring(5, 7)), Integer.parseInt(text.substring(8, 10))));
                // 00 for the year, month or day marks a 不詳日: its text comes in the _表記 companion
                case WAREKI_CODE -> text.substring(1).matches("00.*|..00.*|....00")
                        ? Optional.empty() : WarekiDate.fromLegacyCode(text, null, eras).toLocalDate();
            };
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
