package jp.madoguchi.application.service;

import java.util.List;

import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.domain.procedure.Procedure;

public final class ListProceduresService implements ListProceduresUseCase {

    private final ProcedureCatalogue catalogue;

    public ListProceduresService(ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<Procedure> all() {
        return catalogue.all();
    }
}
