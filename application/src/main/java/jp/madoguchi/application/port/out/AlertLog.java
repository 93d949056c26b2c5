package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The alerts raised, kept for the administrator's page. */
public interface AlertLog {

    /** The alert with this source and message raised at or after {@code since}, if any (a repeat). */
    Optional<Alert> recent(String source, String message, Instant since);

    Alert add(Instant at, String source, String message);

    /** One more occurrence of an alert already sent. */
    void repeated(long id, Instant at);

    void sent(long id, String to, String error);

    List<Alert> newest(int limit);

    /**
     * An alert.
     *
     * @param source    what raised it (the logger's name)
     * @param repeats   how often it occurred in its quiet period
     * @param sentTo    where it was sent, empty when nowhere is set
     * @param sendError why sending failed, empty when it did not
     */
    record Alert(long id, Instant raisedAt, Instant lastAt, String source, String message, int repeats, String sentTo,
                 String sendError) {
    }
}
