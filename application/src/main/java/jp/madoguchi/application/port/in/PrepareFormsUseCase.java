package jp.madoguchi.application.port.in;

import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** 申請書の作成: the visit's forms, pre-filled from the registry, as a document to show or print. */
public interface PrepareFormsUseCase {

    /** The filled forms for the screen; writes 「申請書を表示」 to the timeline. */
    RenderedDocument preview(LocalGovernmentCode city, ReceptionNumber number, Operator operator);

    /** The filled forms for printing; moves the visit to 印刷. */
    RenderedDocument print(ReceptionStepCommand command);
}
