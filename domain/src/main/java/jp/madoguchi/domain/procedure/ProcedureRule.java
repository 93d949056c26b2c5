package jp.madoguchi.domain.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 関連手続の規則, one version of it: for this life event (and kinds), when these conditions hold for a member or
 * for the household on the event date, suggest this procedure because ⟨reason⟩. Rules are data written by the
 * city ({@link ProcedureRuleText}); a law change is a new version with its own effective date, and a reception
 * keeps the versions that produced its list.
 *
 * @param kinds     the kinds of the event it applies to; empty for every kind
 * @param reasons   the reason per language (ja, en), in the words the guidance sheet prints
 * @param suspended a version that stops the rule from its effective date (停止)
 * @param text      the definition as written, kept so that an administrator edits what they wrote
 */
public record ProcedureRule(String id, int version, LocalDate effectiveFrom, LocalDate effectiveUntil, LifeEvent event,
                            List<String> kinds, Target target, List<RuleCondition> conditions, String procedureCode,
                            Map<String, String> reasons, boolean suspended, String text) {

    /** Who a suggestion is for. */
    public enum Target {
        /** Each member for whom the member conditions hold. */
        MEMBER("世帯員"),
        /** The household once, when any one member meets the member conditions (or there are none). */
        HOUSEHOLD("世帯");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ProcedureRule {
        if (id == null || !id.matches("[A-Z][A-Z0-9_]{1,63}")) {
            throw new Rejection("procedure.procedure-rule", "規則IDは英大文字で始まる英大文字・数字・_ で書きます: " + id);
        }
        if (version < 1) {
            throw new Rejection("procedure.procedure-rule", "規則の版は1から数えます");
        }
        Objects.requireNonNull(effectiveFrom, "有効開始日がありません");
        if (effectiveUntil != null && effectiveUntil.isBefore(effectiveFrom)) {
            throw new Rejection("procedure.procedure-rule", "有効終了日が有効開始日より前です");
        }
        Objects.requireNonNull(event, "ライフイベントがありません");
        kinds = List.copyOf(kinds);
        for (String kind : kinds) {
            if (!event.kinds().contains(kind)) {
                throw new Rejection("procedure.procedure-rule", event.label() + "の種類に「" + kind + "」はありません"
                        + (event.kinds().isEmpty() ? "（種類のない出来事です）" : "。選べる種類: " + String.join("、", event.kinds())));
            }
        }
        Objects.requireNonNull(target, "対象（世帯員 か 世帯）がありません");
        conditions = List.copyOf(conditions);
        if (procedureCode == null || !procedureCode.matches("[A-Z][A-Z0-9_]{1,63}")) {
            throw new Rejection("procedure.procedure-rule", "手続コードがありません");
        }
        reasons = Map.copyOf(reasons);
        if (reasons.getOrDefault("ja", "").isBlank()) {
            throw new Rejection("procedure.procedure-rule", "理由（日本語）がありません。案内書に印刷する理由を書いてください");
        }
        text = text == null ? "" : text;
    }

    /** Whether this version is the one to use on a day: it has begun, not ended, and is not a 停止. */
    public boolean inForceOn(LocalDate day) {
        return !suspended && !effectiveFrom.isAfter(day) && (effectiveUntil == null || !effectiveUntil.isBefore(day));
    }

    /** The same definition as another version with its own effective date. */
    public ProcedureRule asVersion(int newVersion, LocalDate from, LocalDate until) {
        return new ProcedureRule(id, newVersion, from, until, event, kinds, target, conditions, procedureCode, reasons,
                suspended, text);
    }

    /** The reason in a language, falling back to Japanese. */
    public String reason(String language) {
        String r = reasons.get(language);
        return r == null || r.isBlank() ? reasons.get("ja") : r;
    }

    /** The members this rule suggests its procedure for; one null entry stands for the household. */
    List<MemberFacts> matches(EventFacts facts) {
        if (facts.event() != event || (!kinds.isEmpty() && !kinds.contains(facts.kind()))) {
            return List.of();
        }
        List<RuleCondition> memberConditions = new ArrayList<>();
        for (RuleCondition c : conditions) {
            if (c.fact().scope() == Fact.Scope.VISIT) {
                if (!c.test(facts.value(c))) {
                    return List.of();
                }
            } else {
                memberConditions.add(c);
            }
        }
        List<MemberFacts> members = facts.members().stream()
                .filter(m -> memberConditions.stream().allMatch(c -> c.test(m.value(c.fact(), facts.eventDate()))))
                .toList();
        if (target == Target.MEMBER) {
            return members;
        }
        List<MemberFacts> household = new ArrayList<>();
        if (memberConditions.isEmpty() || !members.isEmpty()) {
            household.add(null);
        }
        return household;
    }
}
