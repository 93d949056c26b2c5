package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.domain.procedure.Procedure;

/** The procedures a visitor can choose. */
public interface ListProceduresUseCase {

    List<Procedure> all();
}
