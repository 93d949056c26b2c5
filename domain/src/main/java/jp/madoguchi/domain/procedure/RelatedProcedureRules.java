package jp.madoguchi.domain.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 関連手続の判定: evaluates the city's rules (data) over a household's life event and returns the procedures that
 * follow, each with its reasons. This class knows how to evaluate a rule and nothing about any business: which
 * procedure follows which event is written only in the rules.
 */
public final class RelatedProcedureRules {

    private final List<ProcedureRule> rules;

    private RelatedProcedureRules(List<ProcedureRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rule set in force on a day, out of every stored version: per rule, the newest version that has begun by
     * then, provided it has not ended and is not a 停止.
     */
    public static RelatedProcedureRules inForceOn(List<ProcedureRule> versions, LocalDate day) {
        Map<String, Optional<ProcedureRule>> newest = versions.stream()
                .filter(r -> !r.effectiveFrom().isAfter(day))
                .collect(Collectors.groupingBy(ProcedureRule::id, LinkedHashMap::new,
                        Collectors.maxBy(Comparator.comparingInt(ProcedureRule::version))));
        List<ProcedureRule> inForce = newest.values().stream().flatMap(Optional::stream)
                .filter(r -> r.inForceOn(day)).toList();
        return new RelatedProcedureRules(inForce);
    }

    /** Exactly these rules, e.g. an edited set for a dry run. */
    public static RelatedProcedureRules of(List<ProcedureRule> rules) {
        return new RelatedProcedureRules(rules);
    }

    public List<ProcedureRule> rules() {
        return rules;
    }

    /**
     * The suggestions for a life event, in rule order. A procedure suggested for the same member (or the household)
     * by several rules appears once, with all their reasons.
     */
    public List<Suggestion> determine(EventFacts facts) {
        Map<String, List<Suggestion.Reason>> reasons = new LinkedHashMap<>();
        Map<String, MemberFacts> whom = new LinkedHashMap<>();
        Map<String, String> procedure = new LinkedHashMap<>();
        for (ProcedureRule rule : rules) {
            for (MemberFacts member : rule.matches(facts)) {
                String key = rule.procedureCode() + "/" + (member == null ? "" : member.id());
                Suggestion.Reason reason = new Suggestion.Reason(rule.id(), rule.version(), rule.reasons());
                reasons.computeIfAbsent(key, k -> new ArrayList<>()).add(reason);
                whom.putIfAbsent(key, member);
                procedure.putIfAbsent(key, rule.procedureCode());
            }
        }
        List<Suggestion> result = new ArrayList<>();
        for (Map.Entry<String, List<Suggestion.Reason>> e : reasons.entrySet()) {
            MemberFacts member = whom.get(e.getKey());
            result.add(new Suggestion(procedure.get(e.getKey()), member == null ? null : member.id(),
                    member == null ? null : member.name(), e.getValue()));
        }
        return result;
    }
}
