package jp.madoguchi.domain.procedure;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 関連手続の提案: one procedure for one member (or the household, when {@code memberId} is null), with every
 * reason that led to it and the rule versions that gave those reasons.
 */
public record Suggestion(String procedureCode, String memberId, String memberName, List<Reason> reasons) {

    public Suggestion {
        Objects.requireNonNull(procedureCode, "手続コードがありません");
        reasons = List.copyOf(reasons);
    }

    public boolean forHousehold() {
        return memberId == null;
    }

    /** One reason, as the rule version that gave it words it. */
    public record Reason(String ruleId, int ruleVersion, Map<String, String> text) {
        public Reason {
            text = Map.copyOf(text);
        }

        public String in(String language) {
            String t = text.get(language);
            return t == null || t.isBlank() ? text.get("ja") : t;
        }
    }
}
