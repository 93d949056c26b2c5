package jp.madoguchi.domain.handoff;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;

/**
 * How a column writes its value: as the form prints it, a date in 和暦 or 西暦 (with or without separators), digits
 * zero-padded to a width, the code a code list gives the value (続柄, 異動事由…), or sealed (封緘) for the core system. A date the visit knows only
 * roughly (不詳日) is written as told in every date style; a value the code list does not know gives no code.
 */
public record ColumnFormat(Style style, int width, String codeList) {

    public static final ColumnFormat AS_IS = new ColumnFormat(Style.AS_IS, 0, null);

    public enum Style {
        AS_IS("そのまま"), WAREKI("和暦"), GREGORIAN("西暦"), GREGORIAN_COMPACT("西暦8桁"), ZERO_PAD("0埋め"),
        CODE("コード"),
        /** sealed for the core system with the hand-off key: the record in the folder or bucket never holds it plain */
        SEALED("封緘");

        private final String word;

        Style(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The value written into the record; empty when the visit has no value (or the code list no code). */
    public String write(FieldValue value, CodeLists codes, EraTable eras) {
        String text = value.text();
        if (text.isEmpty()) {
            return "";
        }
        Optional<LocalDate> date = value.date();
        return switch (style) {
            case AS_IS -> text;
            case WAREKI -> date.map(d -> WarekiDate.of(d, eras).format()).orElse(text);
            case GREGORIAN -> date.map(LocalDate::toString).orElse(text);
            case GREGORIAN_COMPACT -> date.map(d -> d.format(DateTimeFormatter.BASIC_ISO_DATE)).orElse(text);
            case ZERO_PAD -> text.matches("\\d+") && text.length() < width ? "0".repeat(width - text.length()) + text : text;
            case CODE -> codes.code(codeList, text).orElse("");
            // the sealing itself needs the key: the use case seals what this returns
            case SEALED -> text;
        };
    }

    @Override
    public String toString() {
        return switch (style) {
            case ZERO_PAD -> style.word() + " " + width;
            case CODE -> style.word() + " " + codeList;
            default -> style.word();
        };
    }
}
