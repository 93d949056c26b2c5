package jp.madoguchi.application.port.out;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The import history (取込履歴) of a city, newest first. */
public interface ImportHistory {

    List<ImportRecord> recent(LocalGovernmentCode city, int limit);

    Optional<ImportRecord> find(LocalGovernmentCode city, long id);
}
