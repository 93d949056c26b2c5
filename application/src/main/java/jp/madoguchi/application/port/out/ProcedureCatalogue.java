package jp.madoguchi.application.port.out;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.procedure.Procedure;

/** The procedure master: what can be asked for, and at which department. */
public interface ProcedureCatalogue {

    List<Procedure> all();

    /** The procedures a visitor may choose at the 記載台 or on the pre-entry page. */
    List<Procedure> offeredAtKiosk();

    /** The departments, in the order a visitor is sent round them. */
    List<Department> departments();

    Optional<Procedure> find(String code);
}
