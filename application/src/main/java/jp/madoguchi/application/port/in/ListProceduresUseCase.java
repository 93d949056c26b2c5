package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.Procedure;

/** The procedures a visitor can choose, and the departments (担当課) the city has. */
public interface ListProceduresUseCase {

    /** What the 記載台 and the pre-entry page offer. */
    List<Procedure> all();

    /** Every procedure of the master, e.g. for a clerk adding a related procedure. */
    List<Procedure> everything();

    /** The departments in visiting order. */
    List<Department> departments();
}
