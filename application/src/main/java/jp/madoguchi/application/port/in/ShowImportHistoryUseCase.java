package jp.madoguchi.application.port.in;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.out.ImportRecord;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** 取込履歴 for administrators. */
public interface ShowImportHistoryUseCase {

    List<ImportRecord> recent(LocalGovernmentCode city);

    Optional<ImportRecord> find(LocalGovernmentCode city, long id);
}
