package jp.madoguchi.application.port.out;

import java.util.List;

import jp.madoguchi.domain.form.FilledForm;

/** Prints a form defined as data (様式) with its values. */
public interface FilledFormRenderer {

    RenderedDocument render(FilledForm form);

    /** Several forms of one visit as one document, each with its own pages, in the order given. */
    RenderedDocument render(List<FilledForm> forms);

    /**
     * The characters of the values that no font of the form can print, each as 「字」(U+XXXX) in 項目 — told to the
     * clerk before printing, so nothing is printed with a hole where a name should be.
     */
    List<String> missingGlyphs(FilledForm form);
}
