package jp.madoguchi.domain.form;

import java.util.List;

/** A form definition that cannot be used, with every problem found and its line number. */
public class FormTextException extends IllegalArgumentException {

    private final List<String> problems;

    public FormTextException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
