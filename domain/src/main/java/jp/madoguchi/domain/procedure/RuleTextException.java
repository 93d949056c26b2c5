package jp.madoguchi.domain.procedure;

import java.util.List;

import jp.madoguchi.domain.shared.Rejection;


/** A rule text that cannot be used, with every problem found (行番号つき), so all can be fixed at once. */
public class RuleTextException extends Rejection {

    private final List<String> problems;

    public RuleTextException(List<String> problems) {
        super("rules.text", String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
