package jp.madoguchi.domain.handoff;

import java.util.List;

import jp.madoguchi.domain.shared.Rejection;

/** A layout file with problems, each with its line number; the layout is not used until they are fixed. */
public class HandoffLayoutException extends Rejection {

    private final List<String> problems;

    public HandoffLayoutException(String layout, List<String> problems) {
        super("handoff.layout-invalid", "連携レイアウト" + (layout == null ? "" : " " + layout) + " に誤りがあります: "
                + String.join(" / ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
