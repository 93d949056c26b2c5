package jp.madoguchi.adapters.catalogue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ProcedureRuleSeeds;
import jp.madoguchi.domain.procedure.ProcedureRule;
import jp.madoguchi.domain.procedure.ProcedureRuleText;

/**
 * The seed rule set shipped in {@code related-procedures.rules}: stored as first versions into a city that does not
 * have them yet, then edited only on the administrator's page.
 */
@Singleton
public final class ShippedProcedureRules implements ProcedureRuleSeeds {

    /** Seed rules have been in force as long as the system has: from the day the replica's history begins. */
    public static final LocalDate IN_FORCE_FROM = LocalDate.of(2000, 1, 1);

    @Override
    public List<ProcedureRule> shipped() {
        return load();
    }

    public static List<ProcedureRule> load() {
        return ProcedureRuleText.parseAll(TabFile.text("related-procedures.rules"), IN_FORCE_FROM);
    }
}
