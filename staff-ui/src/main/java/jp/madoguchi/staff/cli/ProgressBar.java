package jp.madoguchi.staff.cli;

import java.util.function.IntConsumer;

/** A one-line progress bar on standard error: [#####.....] 52% 520,000/1,000,000. */
final class ProgressBar implements IntConsumer {

    private static final int WIDTH = 30;

    private final long total;
    private final String label;
    private int lastPercent = -1;

    ProgressBar(int total) {
        this("生成中", total);
    }

    ProgressBar(String label, long total) {
        this.label = label;
        this.total = Math.max(total, 1);
    }

    @Override
    public void accept(int done) {
        update(done);
    }

    void update(long done) {
        int percent = (int) Math.min(100, 100L * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        System.err.printf("\r%s [%s%s] %3d%% %,d/%,d", label, "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done, total);
    }

    void done() {
        System.err.println();
    }
}
