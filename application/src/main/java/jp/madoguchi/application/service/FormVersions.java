package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.application.port.out.FormDefinitions;
import jp.madoguchi.application.port.out.FormDefinitions.StoredForm;
import jp.madoguchi.domain.form.FieldDictionary;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.form.FormDefinitionText;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The form versions in force on a day: per form, the newest version that has begun. */
final class FormVersions {

    private final FormDefinitions store;
    private final FieldDictionary dictionary;

    FormVersions(FormDefinitions store, FieldDictionary dictionary) {
        this.store = store;
        this.dictionary = dictionary;
    }

    List<FormDefinition> inForce(LocalGovernmentCode city, LocalDate day) {
        Map<String, StoredForm> newest = new LinkedHashMap<>();
        for (StoredForm f : store.versions(city)) {
            if (!f.effectiveFrom().isAfter(day)) {
                newest.merge(f.id(), f, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return newest.values().stream().map(this::parse)
                .sorted(Comparator.comparing(FormDefinition::id)).toList();
    }

    Optional<FormDefinition> inForce(LocalGovernmentCode city, LocalDate day, String formId) {
        return inForce(city, day).stream().filter(f -> f.id().equals(formId)).findFirst();
    }

    /** One stored version, whether in force or not: the one a reception printed. */
    Optional<FormDefinition> version(LocalGovernmentCode city, String formId, int version) {
        return store.versions(city).stream().filter(f -> f.id().equals(formId) && f.version() == version).findFirst()
                .map(this::parse);
    }

    FormDefinition parse(StoredForm stored) {
        return FormDefinitionText.parse(stored.text(), dictionary).asVersion(stored.version(), stored.effectiveFrom());
    }
}
