package jp.madoguchi.domain.form;

import java.util.List;

import jp.madoguchi.domain.shared.Rejection;


/** A form definition that cannot be used, with every problem found and its line number. */
public class FormTextException extends Rejection {

    private final List<String> problems;

    public FormTextException(List<String> problems) {
        super("forms.text", String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
