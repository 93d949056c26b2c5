package jp.madoguchi.application.port.in;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.madoguchi.application.port.out.ProcedureRules.PublishedVersion;
import jp.madoguchi.domain.procedure.LifeEvent;
import jp.madoguchi.domain.procedure.ProcedureRule;
import jp.madoguchi.domain.procedure.Suggestion;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 関連手続の規則の管理: administrators read the rules in force, try an edited rule on a sample household (dry run)
 * and publish it as a new version with an effective date. No restart: the next determination reads it.
 */
public interface ManageProcedureRulesUseCase {

    /**
     * Stores the shipped rules the city does not have yet as their first version (at each start); a shipped rule that
     * names an unknown procedure or question stops the start with the problems listed.
     */
    int ensureShippedRules(LocalGovernmentCode city);

    /** The rules in force on a day, in their written order. */
    List<ProcedureRule> inForce(LocalGovernmentCode city, LocalDate day);

    List<PublishedVersion> history(LocalGovernmentCode city, String ruleId);

    /**
     * Checks a rule text (syntax, procedure codes, questions) without storing it; the problems, if any, come as a
     * {@link jp.madoguchi.domain.procedure.RuleTextException}.
     */
    ProcedureRule check(LocalGovernmentCode city, String text, LocalDate effectiveFrom);

    /** The determination for a sample household with the edited rule in place of (or added to) the one in force. */
    DryRun dryRun(DryRunCommand command);

    /** Stores the rule as its next version, effective from the given day. */
    ProcedureRule publish(LocalGovernmentCode city, String text, LocalDate effectiveFrom, int expectedNewestVersion,
                          Operator operator);

    /**
     * @param sample the 宛名番号 of a member of the sample household (the event is about that member)
     */
    record DryRunCommand(LocalGovernmentCode city, String text, LocalDate effectiveFrom, AddresseeNumber sample,
                         LifeEvent event, String kind, LocalDate eventDate, Map<String, String> answers,
                         Operator operator) {
        public DryRunCommand {
            answers = Map.copyOf(answers);
        }
    }

    /** What the rules in force and the edited rule suggest; {@code changed} names the differences. */
    record DryRun(ProcedureRule edited, List<Suggestion> before, List<Suggestion> after, List<String> changed) {
    }
}
