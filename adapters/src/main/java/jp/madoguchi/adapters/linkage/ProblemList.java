package jp.madoguchi.adapters.linkage;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.application.port.out.LinkageProblem;

/** Every problem found in a file is counted; the first {@value #KEPT} are kept for the report. */
final class ProblemList {

    static final int KEPT = 1000;

    private final List<LinkageProblem> kept = new ArrayList<>();
    private long count;

    void add(LinkageProblem problem) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(problem);
        }
    }

    long count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    List<LinkageProblem> kept() {
        return List.copyOf(kept);
    }
}
