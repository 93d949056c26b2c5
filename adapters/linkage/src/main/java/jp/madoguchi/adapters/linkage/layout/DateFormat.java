package jp.madoguchi.adapters.linkage.layout;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;

/** The date formats a linkage layout may declare (docs/architecture.md, forward linkage): {@code YYYYMMDD}, {@code YYYY-MM-DD}, 和暦 {@code GYYMMDD}. */
public enum DateFormat {
    BASIC("YYYYMMDD", "########"),
    ISO("YYYY-MM-DD", "####-##-##"),
    WAREKI_CODE("GYYMMDD", "#######");

    private final String pattern;
    /** The shape, '#' for a digit: checked by hand, as a million rows carry several dates each. */
    private final String shape;

    DateFormat(String pattern, String shape) {
        this.pattern = pattern;
        this.shape = shape;
    }

    private boolean fits(String text) {
        if (text.length() != shape.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char s = shape.charAt(i);
            if (s == '#' ? c < '0' || c > '9' : c != s) {
                return false;
            }
        }
        return this != WAREKI_CODE || text.charAt(0) != '0';
    }

    /** The number the ASCII digits at [from, to) spell, for a caller that has checked they are digits. */
    public static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
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
        if (!fits(text)) {
            throw new IllegalArgumentException("日付は " + pattern + " の形式で指定してください");
        }
        try {
            return switch (this) {
                case BASIC -> Optional.of(LocalDate.of(digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8)));
                case ISO -> Optional.of(LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)));
                // 00 for the year, month or day marks a 不詳日: its text comes in the _表記 companion
                case WAREKI_CODE -> text.startsWith("00", 1) || text.startsWith("00", 3) || text.startsWith("00", 5)
                        ? Optional.empty() : WarekiDate.fromLegacyCode(text, null, eras).toLocalDate();
            };
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
