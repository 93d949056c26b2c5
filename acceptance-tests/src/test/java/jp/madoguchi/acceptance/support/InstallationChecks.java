package jp.madoguchi.acceptance.support;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import jp.madoguchi.adapters.postgres.ManagedDatabase;
import jp.madoguchi.adapters.postgres.audit.JdbiAuditTrail;
import jp.madoguchi.adapters.security.crypto.DataKey;
import jp.madoguchi.adapters.security.crypto.HmacCheckpointSeal;
import org.jdbi.v3.core.Jdbi;

/**
 * What the crash tests look at in an installation once its commands or server have stopped: the embedded database,
 * the access history, and the processes still working on its folders.
 */
public final class InstallationChecks {

    private InstallationChecks() {
    }

    /** Starts the installation's embedded PostgreSQL, hands it to {@code check}, and stops it again. */
    public static void withDatabase(Path installation, Consumer<Jdbi> check) {
        ManagedDatabase database = ManagedDatabase.embedded(installation.resolve("postgres"), 2);
        try {
            check.accept(Jdbi.create(database.dataSource()));
        } finally {
            database.close();
        }
    }

    /** Whether the access history has entries and its chain verifies, with the installation's own key. */
    public static boolean auditIntact(Path installation) {
        boolean[] intact = {false};
        withDatabase(installation, jdbi -> {
            JdbiAuditTrail trail = new JdbiAuditTrail(jdbi,
                    new HmacCheckpointSeal(DataKey.load("", installation.resolve("secrets/data-key"))));
            try {
                var verification = trail.verify();
                intact[0] = verification.intact() && verification.entries() > 0;
            } finally {
                trail.close();
            }
        });
        return intact[0];
    }

    /** Processes (PostgreSQL servers above all) still working on the installation's folders. */
    public static List<String> processesOf(Path installation) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains(installation.toString())).orElse(false))
                .map(p -> p.info().commandLine().orElse(""))
                .toList();
    }
}
