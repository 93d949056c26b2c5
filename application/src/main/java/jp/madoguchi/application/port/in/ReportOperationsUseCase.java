package jp.madoguchi.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 稼働状況: whether the server can serve (readiness), with each check named, and the figures the monitoring scrapes.
 */
public interface ReportOperationsUseCase {

    OperationsReport report();

    /**
     * One look at the system.
     *
     * @param checks          every check with its outcome; the system is ready when none that matters failed
     * @param visitsByState   today's visits by state
     * @param undelivered     hand-off deliveries waiting
     * @param importsByOutcome linkage imports by outcome since the start
     * @param ages            seconds since the last applied import, audit checkpoint and verified backup (absent
     *                        when there was none)
     */
    record OperationsReport(List<Check> checks, Map<String, Long> visitsByState, long undelivered,
                            Map<String, Long> importsByOutcome, Map<String, Duration> ages) {

        /** Ready when every check that gates readiness passed. */
        public boolean ready() {
            return checks.stream().noneMatch(c -> c.gatesReadiness() && !c.ok());
        }
    }

    /**
     * A named check.
     *
     * @param gatesReadiness whether a failure takes the server out of the balancer (database, disk) or only warns
     *                       (an old import, checkpoint or backup: the counters still work)
     */
    record Check(String name, boolean ok, boolean gatesReadiness, String detail) {
    }
}
