package jp.madoguchi.application.port.out;

import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase.ReceptionSlip;

/** 受付票 as a PDF sized for the paper it is printed on: a 58 or 80 mm receipt roll, or A4. */
public interface SlipRenderer {

    /** @param paper {@code 58mm}, {@code 80mm} or {@code A4} */
    RenderedDocument render(ReceptionSlip slip, String municipality, String paper);
}
