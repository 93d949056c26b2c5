package jp.madoguchi.staff.cli;

import java.util.function.IntConsumer;

/** A one-line progress bar on standard error: [#####.....] 52% 520,000/1,000,000. */
final class ProgressBar implements IntConsumer {

    private static final int WIDTH = 30;

    private final int total;
    private int lastPercent = -1;

    ProgressBar(int total) {
        this.total = total;
    }

    @Override
    public void accept(int done) {
        int percent = (int) (100L * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        System.err.printf("\r生成中 [%s%s] %3d%% %,d/%,d", "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done, total);
    }

    void done() {
        System.err.println();
    }
}
