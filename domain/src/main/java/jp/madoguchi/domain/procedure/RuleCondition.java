package jp.madoguchi.domain.procedure;

import java.util.List;
import java.util.Objects;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 条件: one line of a rule, e.g. {@code 年齢 >= 75}, {@code 学齢 = 小学生, 中学生} (either value) or
 * {@code 回答.犬を飼っている = はい}. A rule holds when all its conditions hold.
 *
 * @param subject what is compared: a {@link Fact} label or {@code 回答.<質問>}
 */
public record RuleCondition(String subject, Fact fact, Operator operator, List<String> values) {

    /** How a fact is compared with the rule's values. */
    public enum Operator {
        EQUALS("="), NOT_EQUALS("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean ordering() {
            return this != EQUALS && this != NOT_EQUALS;
        }
    }

    public RuleCondition {
        Objects.requireNonNull(subject, "条件の項目がありません");
        Objects.requireNonNull(fact, "条件の項目がありません");
        Objects.requireNonNull(operator, "条件の比較がありません");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new Rejection("procedure.rule-condition", "「" + subject + "」と比べる値がありません");
        }
        if (operator.ordering()) {
            if (!fact.numeric()) {
                throw new Rejection("procedure.rule-condition", "「" + subject + "」は数ではないので " + operator.symbol + " で比べられません。= か != を使ってください");
            }
            if (values.size() != 1) {
                throw new Rejection("procedure.rule-condition", "「" + subject + " " + operator.symbol + "」には値を1つだけ書きます");
            }
        }
        for (String value : values) {
            if (fact.numeric() && !value.matches("[0-9]{1,3}")) {
                throw new Rejection("procedure.rule-condition", "「" + subject + "」の値「" + value + "」は 0〜999 の数で書きます");
            }
            if (!fact.allowedValues().isEmpty() && !fact.allowedValues().contains(value)) {
                throw new Rejection("procedure.rule-condition", "「" + subject + "」の値に「" + value + "」はありません。使える値: "
                        + String.join("、", fact.allowedValues()));
            }
        }
    }

    /** Whether a known value satisfies this condition; an unknown value (null) satisfies none, not even !=. */
    public boolean test(String actual) {
        if (actual == null) {
            return false;
        }
        switch (operator) {
            case EQUALS:
                return values.contains(actual);
            case NOT_EQUALS:
                return !values.contains(actual);
            default:
                int a = Integer.parseInt(actual);
                int b = Integer.parseInt(values.get(0));
                return operator == Operator.LESS ? a < b
                        : operator == Operator.LESS_OR_EQUAL ? a <= b
                        : operator == Operator.GREATER ? a > b
                        : a >= b;
        }
    }

    /** The question key of a condition on an answer. */
    public String answerKey() {
        return fact == Fact.ANSWER ? subject.substring(Fact.ANSWER_PREFIX.length()) : null;
    }

    @Override
    public String toString() {
        return subject + " " + operator.symbol() + " " + String.join(", ", values);
    }
}
