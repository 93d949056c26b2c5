package jp.madoguchi.application.port.out;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.procedure.Procedure;

/** The procedure master: what can be asked for, and at which department. */
public interface ProcedureCatalogue {

    List<Procedure> all();

    Optional<Procedure> find(String code);
}
