package jp.madoguchi.application.port.out;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Loads one linkage file into the replica, all or nothing, and records it in the import history in the same
 * transaction. It recognises a repeated file and refuses one older than the newest applied of its ID.
 */
public interface ReplicaLoader {

    /** @param bytesRead told how far through the file the load is, now and then */
    LoadOutcome load(LoadRequest request, LongConsumer bytesRead);

    /**
     * Gets ready for large files by running {@code residents} generated rows through everything but the database,
     * so the first FULL import after a start runs as fast as the next. Changes nothing; returns how long it took.
     */
    default Duration prepare(int residents) {
        return Duration.ZERO;
    }
}
