package jp.madoguchi.domain.form;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A form version with the values of its fields for one reception, ready to print.
 *
 * @param tables    rows of the list fields (世帯員一覧), each row by column name (氏名, 生年月日 …)
 * @param signature the PNG of the signature given on the counter tablet, or null
 */
public record FilledForm(FormDefinition definition, Map<String, String> values, Map<String, List<Map<String, String>>> tables,
                         String receptionNumber, String receptionReference, byte[] signature) {

    public FilledForm {
        Objects.requireNonNull(definition, "様式がありません");
        values = Map.copyOf(values);
        tables = Map.copyOf(tables);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The form with a signature placed in its signature box. */
    public FilledForm signedWith(byte[] png) {
        return new FilledForm(definition, values, tables, receptionNumber, receptionReference, png);
    }
}
