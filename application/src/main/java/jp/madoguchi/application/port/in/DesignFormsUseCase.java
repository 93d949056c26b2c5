package jp.madoguchi.application.port.in;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.application.port.out.FormDefinitions.StoredForm;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 様式の設計: staff copy or create a form, place dictionary fields, see the PDF preview and publish a version; forms
 * are exported and imported as text files so cities can share them.
 */
public interface DesignFormsUseCase {

    /** Stores the shipped forms the city does not have yet, and corrected ones it still uses as shipped (at each start). */
    int ensureShippedForms(LocalGovernmentCode city);

    List<FormDefinition> inForce(LocalGovernmentCode city, LocalDate day);

    List<StoredForm> history(LocalGovernmentCode city, String formId);

    List<FieldDefinition> dictionary();

    /** Parses and checks a definition; problems come as {@link jp.madoguchi.domain.form.FormTextException}. */
    FormDefinition check(String text);

    /** The PDF of a definition filled with sample values (each field shows its name). */
    RenderedDocument preview(String text);

    FormDefinition publish(LocalGovernmentCode city, String text, LocalDate effectiveFrom, int expectedNewestVersion,
                           Operator operator);

    /** The newest version's text, as a file to share. */
    String export(LocalGovernmentCode city, String formId);
}
