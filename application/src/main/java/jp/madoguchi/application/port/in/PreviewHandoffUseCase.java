package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.application.port.out.ExportRecord;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 出力の確認: the records the layouts in force make of a finished visit, without queuing anything — how an edited
 * layout will write the next visits, shown on a real one.
 */
public interface PreviewHandoffUseCase {

    List<ExportRecord> preview(LocalGovernmentCode city, ReceptionNumber number, Operator by);
}
