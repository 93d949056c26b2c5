package jp.madoguchi.staff.config;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase;
import jp.madoguchi.application.port.in.ManageProcedureRulesUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.GuidanceSheetRenderer;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.ProcedureRuleSeeds;
import jp.madoguchi.application.port.out.ProcedureRules;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.RelatedProcedureLists;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.service.DetermineRelatedProceduresService;
import jp.madoguchi.application.service.ManageProcedureRulesService;
import jp.madoguchi.domain.calendar.EraTable;

/**
 * 関連手続: 判定と規則の管理。
 * Services are built with {@code new}, so the application module stays free of annotations
 * (ddd-by-examples/library's configuration style); each bean is built only when a driving adapter asks.
 */
@Factory
public class RelatedProceduresFactory {

    @Singleton
    DetermineRelatedProceduresUseCase determineRelatedProcedures(Receptions receptions, ResidentRegistry registry,
            MoveIns moveIns, ProcedureRules rules, RelatedProcedureLists lists, GuidanceCatalogue guidance,
            ProcedureCatalogue procedures, GuidanceSheetRenderer renderer, Municipalities municipalities,
            AuditTrail trail, Transactions transactions, EraTable eras, Clock clock) {
        return new DetermineRelatedProceduresService(receptions, registry, moveIns, rules, lists, guidance, procedures,
                renderer, municipalities, trail, transactions, eras, clock);
    }

    @Singleton
    ManageProcedureRulesUseCase manageProcedureRules(ProcedureRules rules, ProcedureRuleSeeds seeds,
            ProcedureCatalogue procedures, GuidanceCatalogue guidance, ResidentRegistry registry, AuditTrail trail,
            Transactions transactions, Clock clock) {
        return new ManageProcedureRulesService(rules, seeds, procedures, guidance, registry, trail, transactions, clock);
    }
}
