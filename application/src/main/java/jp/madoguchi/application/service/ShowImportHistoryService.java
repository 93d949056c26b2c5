package jp.madoguchi.application.service;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.ShowImportHistoryUseCase;
import jp.madoguchi.application.port.out.ImportHistory;
import jp.madoguchi.application.port.out.ImportRecord;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

public final class ShowImportHistoryService implements ShowImportHistoryUseCase {

    private static final int PAGE = 200;

    private final ImportHistory history;

    public ShowImportHistoryService(ImportHistory history) {
        this.history = history;
    }

    @Override
    public List<ImportRecord> recent(LocalGovernmentCode city) {
        return history.recent(city, PAGE);
    }

    @Override
    public Optional<ImportRecord> find(LocalGovernmentCode city, long id) {
        return history.find(city, id);
    }
}
