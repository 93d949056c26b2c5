package jp.madoguchi.domain.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.domain.shared.Rejection;

/** 項目辞書: every field any form may place, each defined once. */
public final class FieldDictionary {

    private final Map<String, FieldDefinition> fields = new LinkedHashMap<>();

    public FieldDictionary(List<FieldDefinition> definitions) {
        for (FieldDefinition d : definitions) {
            if (fields.put(d.key(), d) != null) {
                throw new Rejection("form.field-dictionary", "項目「" + d.key() + "」が辞書に2回あります");
            }
        }
    }

    public Optional<FieldDefinition> find(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public List<FieldDefinition> all() {
        return List.copyOf(fields.values());
    }
}
