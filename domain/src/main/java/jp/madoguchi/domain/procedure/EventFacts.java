package jp.madoguchi.domain.procedure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 判定の材料: a life event of one household as the counter knows it — which event and kind, on which day, the
 * members with their facts, and the answers heard so far (質問 → 回答).
 */
public record EventFacts(LifeEvent event, String kind, LocalDate eventDate, List<MemberFacts> members,
                         Map<String, String> answers) {

    public EventFacts {
        Objects.requireNonNull(event, "ライフイベントがありません");
        Objects.requireNonNull(eventDate, "異動日（届出の事由が生じた日）がありません");
        kind = kind == null || kind.isBlank() ? null : kind.strip();
        if (kind != null && !event.kinds().contains(kind)) {
            throw new Rejection("procedure.event-facts", event.label() + "の種類に「" + kind + "」はありません"
                    + (event.kinds().isEmpty() ? "" : "。選べる種類: " + String.join("、", event.kinds())));
        }
        if (kind == null && !event.kinds().isEmpty()) {
            kind = event.kinds().get(0);
        }
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new Rejection("procedure.event-facts", "世帯員がいません");
        }
        answers = Map.copyOf(answers);
    }

    /** The value of a visit fact. */
    String value(RuleCondition condition) {
        if (condition.fact() == Fact.MEMBER_COUNT) {
            return String.valueOf(members.size());
        }
        if (condition.fact() == Fact.HOUSEHOLD_CHILD_ALLOWANCE) {
            return members.stream().anyMatch(m -> "受給者".equals(m.value(Fact.CHILD_ALLOWANCE, eventDate))) ? "受給中" : "なし";
        }
        return answers.get(condition.answerKey());
    }
}
