package jp.madoguchi.staff.web;

import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.in.ListProceduresUseCase;

/** Every procedure of the master as a choice for a select box: its code, and its name with the 担当課. */
final class ProcedureChoices {

    private ProcedureChoices() {
    }

    static List<Map<String, String>> of(ListProceduresUseCase procedures) {
        return procedures.everything().stream().map(p -> Map.of("code", p.code(),
                "name", p.name() + "（" + p.department().name() + "）")).toList();
    }
}
