package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.List;

import jp.madoguchi.domain.procedure.ProcedureRule;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** The city's related-procedure rules, every version of them (関連手続の規則). */
public interface ProcedureRules {

    /** Every stored version of every rule of the city, in the order the rules were first written. */
    List<ProcedureRule> versions(LocalGovernmentCode city);

    /**
     * Stores a new version. Its number must be one above the newest stored one; a version stored meanwhile by
     * someone else makes this fail with {@link ConcurrentUpdateException} instead of being overwritten.
     */
    void publish(LocalGovernmentCode city, ProcedureRule rule, Operator by, Instant at);

    /** Stores, as their first version, the shipped rules the city does not have yet; returns how many. */
    int seedMissing(LocalGovernmentCode city, List<ProcedureRule> shipped, Instant at);

    /** Who published a version and when, for the history on the administrator's page. */
    List<PublishedVersion> history(LocalGovernmentCode city, String ruleId);

    /** One stored version with its author. */
    record PublishedVersion(ProcedureRule rule, String publishedBy, Instant publishedAt) {
    }
}
