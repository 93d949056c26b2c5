package jp.madoguchi.application.port.out;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What became of one linkage file. Only {@link Applied} changed the replica. */
public sealed interface LoadOutcome {

    /**
     * The file's rows are in the replica, all of them, in one transaction.
     *
     * @param phases how long each step took (読込, 索引, 比較, 切替 …), in order, for the history and benchmarks
     */
    record Applied(long rowsRead, long added, long changed, long deleted, Duration took, List<String> warnings,
                   Map<String, Duration> phases) implements LoadOutcome {
    }

    /** The same file (by checksum) was applied before; nothing changed. */
    record Duplicate(LocalDateTime appliedAt) implements LoadOutcome {
    }

    /** A newer file of the same ID is already applied; this one is refused. */
    record OutOfOrder(LocalDateTime newestApplied) implements LoadOutcome {
    }

    /** The file has problems; nothing changed. {@code problems} lists the first ones, {@code problemCount} all. */
    record Rejected(long rowsRead, List<LinkageProblem> problems, long problemCount) implements LoadOutcome {

        /** One problem per line, and how many more there were beyond those listed. */
        public String report() {
            StringBuilder text = new StringBuilder();
            for (LinkageProblem problem : problems) {
                text.append(problem.describe()).append('\n');
            }
            if (problemCount > problems.size()) {
                text.append(String.format("ほか %,d 件%n", problemCount - problems.size()));
            }
            return text.toString();
        }
    }

    /** Another import of the same ID is running; the file stays where it is for the next round. */
    record Busy() implements LoadOutcome {
    }
}
