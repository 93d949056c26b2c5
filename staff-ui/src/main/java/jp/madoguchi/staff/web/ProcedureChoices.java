package jp.madoguchi.staff.web;

import java.util.List;

import jp.madoguchi.application.port.in.ListProceduresUseCase;

/** The procedure master as a choice list: code, and name with its 担当課. */
public record ProcedureChoices(String code, String name) {

    static List<ProcedureChoices> of(ListProceduresUseCase procedures) {
        return procedures.everything().stream()
                .map(p -> new ProcedureChoices(p.code(), p.name() + "（" + p.department().name() + "）")).toList();
    }
}
