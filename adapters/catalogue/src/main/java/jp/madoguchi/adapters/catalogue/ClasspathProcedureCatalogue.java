package jp.madoguchi.adapters.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.Procedure;

/**
 * The procedure master read once from {@code procedures.tsv} and {@code departments.tsv}; reference data, so it is
 * held in memory.
 */
@Singleton
public class ClasspathProcedureCatalogue implements ProcedureCatalogue {

    private final List<Department> departments;
    private final List<Procedure> procedures;
    private final List<Procedure> offeredAtKiosk;

    public ClasspathProcedureCatalogue() {
        Map<String, Department> byCode = new LinkedHashMap<>();
        for (TabFile.Row row : TabFile.read("departments.tsv", ClasspathGuidanceCatalogue.DEPARTMENT_COLUMNS)) {
            byCode.put(row.column(0), new Department(row.column(0), row.column(1)));
        }
        this.departments = List.copyOf(byCode.values());
        List<Procedure> all = new ArrayList<>();
        List<Procedure> kiosk = new ArrayList<>();
        for (TabFile.Row row : TabFile.read("procedures.tsv", 5)) {
            Department department = byCode.get(row.column(2));
            if (department == null) {
                throw row.problem("担当課コード「" + row.column(2) + "」は departments.tsv にありません");
            }
            Procedure procedure = new Procedure(row.column(0), row.column(1), department, LifeEvent.valueOf(row.column(3)));
            all.add(procedure);
            if (row.column(4).equals("○")) {
                kiosk.add(procedure);
            }
        }
        this.procedures = List.copyOf(all);
        this.offeredAtKiosk = List.copyOf(kiosk);
    }

    @Override
    public List<Procedure> all() {
        return procedures;
    }

    @Override
    public List<Procedure> offeredAtKiosk() {
        return offeredAtKiosk;
    }

    @Override
    public List<Department> departments() {
        return departments;
    }

    @Override
    public Optional<Procedure> find(String code) {
        return procedures.stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
