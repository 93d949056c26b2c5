package jp.madoguchi.domain.handoff;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A field's value for one visit, as the forms print it, with the date behind it when the field is an exact date
 * (so a record can write 西暦 where the form prints 和暦).
 */
public record FieldValue(String text, LocalDate exactDate) {

    public static final FieldValue EMPTY = new FieldValue("", null);

    public FieldValue {
        text = text == null ? "" : text;
    }

    public static FieldValue of(String text) {
        return new FieldValue(text, null);
    }

    public Optional<LocalDate> date() {
        return Optional.ofNullable(exactDate);
    }
}
