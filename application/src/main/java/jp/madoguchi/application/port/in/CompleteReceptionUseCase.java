package jp.madoguchi.application.port.in;

import jp.madoguchi.application.port.out.ExportReceipt;

/** 完了: finishes a visit and hands its data to the back office. */
public interface CompleteReceptionUseCase {

    ExportReceipt complete(ReceptionStepCommand command);
}
