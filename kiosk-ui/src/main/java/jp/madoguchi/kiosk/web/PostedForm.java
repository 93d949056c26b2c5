package jp.madoguchi.kiosk.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A form a kiosk or tablet page posted, read whole: binding a long field (the agent's sealed reading, a signature)
 * as one of several form parameters let Micronaut claim one body chunk twice now and then ("Chunk already claimed").
 * A name posted more than once (ticked check boxes) arrives as a collection.
 */
public record PostedForm(Map<String, Object> fields) {

    public PostedForm {
        fields = Map.copyOf(fields);
    }

    /** The value posted under {@code name} (the first, if several), stripped; null when it was not posted. */
    public String value(String name) {
        Object value = fields.get(name);
        return value == null ? null : first(value);
    }

    /** The value, or "" when it was not posted. */
    public String valueOrEmpty(String name) {
        String value = value(name);
        return value == null ? "" : value;
    }

    /** Every value posted under {@code name}, e.g. the ticked boxes of one list; empty when none. */
    public List<String> values(String name) {
        Object value = fields.get(name);
        if (value instanceof Collection<?> many) {
            return many.stream().map(v -> String.valueOf(v).strip()).filter(v -> !v.isEmpty()).toList();
        }
        return value == null || String.valueOf(value).isBlank() ? List.of() : List.of(String.valueOf(value).strip());
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    static String first(Object value) {
        if (value instanceof Collection<?> many) {
            return many.isEmpty() ? "" : String.valueOf(many.iterator().next()).strip();
        }
        return value == null ? "" : String.valueOf(value).strip();
    }
}
