package jp.madoguchi.adapters.linkage;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.application.port.out.LinkageProblem;

/** Every problem found in a file is counted; the first {@value #KEPT} found are kept for the report. Thread-safe. */
final class ProblemList {

    static final int KEPT = 1000;

    private final List<LinkageProblem> kept = new ArrayList<>();
    private long count;

    synchronized void add(LinkageProblem problem) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(problem);
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized boolean isEmpty() {
        return count == 0;
    }

    /** In file order (parallel loading finds them out of order). */
    synchronized List<LinkageProblem> kept() {
        return kept.stream().sorted(java.util.Comparator.comparingLong(LinkageProblem::line)).toList();
    }
}
