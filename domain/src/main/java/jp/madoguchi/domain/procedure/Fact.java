package jp.madoguchi.domain.procedure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 判定項目: what a rule's condition may ask about a member (年齢, 国保, …) or about the visit (世帯人数, the answers
 * heard at the counter). The vocabulary is fixed here so that a rule naming a fact that does not exist, or a value
 * that fact never takes, is refused when the rule is written instead of silently never matching.
 */
public enum Fact {
    AGE("年齢", Scope.MEMBER, true),
    SCHOOL_STAGE("学齢", Scope.MEMBER, false, "未就学", "小学生", "中学生", "高校生相当", "それ以上"),
    SEX("性別", Scope.MEMBER, false, "男", "女"),
    RELATIONSHIP("続柄", Scope.MEMBER, false),
    HEAD_OF_HOUSEHOLD("世帯主", Scope.MEMBER, false, "はい", "いいえ"),
    FOREIGN("外国人", Scope.MEMBER, false, "はい", "いいえ"),
    SUBJECT("届出の対象", Scope.MEMBER, false, "はい", "いいえ"),
    NATIONAL_HEALTH_INSURANCE("国保", Scope.MEMBER, false, "あり", "なし"),
    LATE_STAGE_ELDERLY("後期高齢", Scope.MEMBER, false, "あり", "なし"),
    LONG_TERM_CARE("介護保険", Scope.MEMBER, false, "あり", "なし"),
    CARE_CERTIFIED("要介護認定", Scope.MEMBER, false, "あり", "なし"),
    NATIONAL_PENSION("国民年金", Scope.MEMBER, false, "第1号", "第3号", "任意", "なし"),
    CHILD_ALLOWANCE("児童手当", Scope.MEMBER, false, "受給者", "対象児童", "なし"),
    CARD("マイナンバーカード", Scope.MEMBER, false, "あり", "なし", "期限切れ"),
    ELECTRONIC_CERTIFICATE("電子証明書", Scope.MEMBER, false, "あり", "なし", "期限切れ"),
    SEAL("印鑑登録", Scope.MEMBER, false, "あり", "なし"),
    MEMBER_COUNT("世帯人数", Scope.VISIT, true),
    HOUSEHOLD_CHILD_ALLOWANCE("世帯の児童手当", Scope.VISIT, false, "受給中", "なし"),
    ANSWER("回答", Scope.VISIT, false);

    /** Whether a fact is about each member or about the visit as a whole. */
    public enum Scope { MEMBER, VISIT }

    /** Prefix of a condition on an answer: {@code 回答.犬を飼っている}. */
    public static final String ANSWER_PREFIX = "回答.";

    private final String label;
    private final Scope scope;
    private final boolean numeric;
    private final List<String> values;

    Fact(String label, Scope scope, boolean numeric, String... values) {
        this.label = label;
        this.scope = scope;
        this.numeric = numeric;
        this.values = List.of(values);
    }

    public String label() {
        return label;
    }

    public Scope scope() {
        return scope;
    }

    public boolean numeric() {
        return numeric;
    }

    /** The values a rule may compare this fact with; empty when any text is allowed (続柄, answers). */
    public List<String> allowedValues() {
        return values;
    }

    /** The fact a condition names: 年齢, 国保, … or 回答.xxx. */
    public static Optional<Fact> named(String name) {
        if (name.startsWith(ANSWER_PREFIX) && name.length() > ANSWER_PREFIX.length()) {
            return Optional.of(ANSWER);
        }
        return Arrays.stream(values()).filter(f -> f != ANSWER && f.label.equals(name)).findFirst();
    }

    /** The labels, for messages that list what may be written. */
    public static String vocabulary() {
        return String.join("、", Arrays.stream(values()).map(f -> f == ANSWER ? ANSWER_PREFIX + "（質問）" : f.label).toList());
    }
}
