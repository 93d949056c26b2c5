package jp.madoguchi.application.port.out;

import java.util.List;

import jp.madoguchi.domain.procedure.ProcedureRule;

/** The rule set shipped with the system, stored into a city as first versions of the rules it does not have. */
public interface ProcedureRuleSeeds {

    List<ProcedureRule> shipped();
}
