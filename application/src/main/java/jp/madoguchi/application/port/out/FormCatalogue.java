package jp.madoguchi.application.port.out;

import java.util.List;

import jp.madoguchi.domain.form.FieldDictionary;

/** The field dictionary and the shipped form definitions (as written), both data files of the release. */
public interface FormCatalogue {

    FieldDictionary dictionary();

    /** The shipped forms' definitions as text, stored into a city as first versions of forms it does not have. */
    List<String> shippedDefinitions();
}
