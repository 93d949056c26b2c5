package jp.madoguchi.application.port.out;

import jp.madoguchi.domain.reception.PrefilledForm;

/** Lays a filled form out as a printable document (PDF in production). */
public interface FormRenderer {

    RenderedDocument render(PrefilledForm form);
}
