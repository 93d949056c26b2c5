package jp.madoguchi.application.service;

import java.util.List;

import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.Procedure;

public final class ListProceduresService implements ListProceduresUseCase {

    private final ProcedureCatalogue catalogue;

    public ListProceduresService(ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<Procedure> all() {
        return catalogue.offeredAtKiosk();
    }

    @Override
    public List<Procedure> everything() {
        return catalogue.all();
    }

    @Override
    public List<Department> departments() {
        return catalogue.departments();
    }
}
