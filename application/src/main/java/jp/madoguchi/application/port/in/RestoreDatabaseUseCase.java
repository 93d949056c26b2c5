package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.Optional;

import jp.madoguchi.application.port.out.DatabaseRecovery.Restored;

/**
 * 復元: the database rebuilt from the newest backup before the moment asked for and the WAL archived since, replayed
 * to that moment (PITR) or to the last one archived. The server must be stopped.
 */
public interface RestoreDatabaseUseCase {

    Restored restore(Optional<Instant> to);
}
