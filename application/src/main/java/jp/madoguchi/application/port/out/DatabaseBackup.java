package jp.madoguchi.application.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The database's side of a backup: a base copy of its files taken while it runs, and the write-ahead log (WAL) it
 * hands over segment by segment, which replays everything committed after the copy began.
 */
public interface DatabaseBackup {

    /** Why backups cannot be taken here (an external server the city backs up itself; archiving off), or empty. */
    String unavailableReason();

    /**
     * Writes a base copy of the database's files as a ZIP to {@code zip}. The copy is consistent once the WAL
     * segments from {@link BaseCopy#startWal()} to {@link BaseCopy#stopWal()} are replayed on it; they have been
     * handed over ({@link #readySegments()}) when this returns.
     */
    BaseCopy copyBase(OutputStream zip) throws IOException;

    /** WAL segments (and timeline history files) the server has handed over and not yet been told are kept. */
    List<String> readySegments() throws IOException;

    InputStream openSegment(String name) throws IOException;

    /** The segment is kept safely elsewhere: the server's copy may go. */
    void segmentKept(String name) throws IOException;

    /** Closes the current WAL segment so that the newest commits are handed over now rather than at the timeout. */
    void switchSegment();

    /** Row counts of the tables a restored copy is compared by (受付, 署名, アクセス記録, 住民, 職員). */
    Map<String, Long> counts();

    /**
     * A base copy as taken.
     *
     * @param label      the copy's name
     * @param startWal   the first WAL segment it needs
     * @param stopWal    the last WAL segment it needs to be consistent
     * @param countsAtStart {@link #counts()} just before the copy began: a copy holds at least these
     */
    record BaseCopy(String label, String startWal, String stopWal, Instant startedAt, Instant finishedAt,
                    Map<String, Long> countsAtStart) {
    }
}
