package jp.madoguchi.acceptance.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.micronaut.context.ApplicationContext;
import jp.madoguchi.acceptance.support.RunningMadoguchi;
import jp.madoguchi.application.port.in.BackUpDatabaseUseCase;
import jp.madoguchi.application.port.in.RestoreDatabaseUseCase;
import jp.madoguchi.application.port.out.BackupHistory.BackupRun;
import jp.madoguchi.application.port.out.DatabaseRecovery.Restored;
import org.jdbi.v3.core.Jdbi;

/**
 * バックアップと復元のベンチマーク (docs/benchmarks.md), on production settings: the whole system on the embedded
 * PostgreSQL of an installation (durable commits, the system's own role) with backups on and the shipped WAL timeout
 * (60 s) and shipping interval (30 s). A registry of N residents through the linkage import and a year of visits;
 * a checked backup timed; then visits committed every half second until the database server is killed with
 * {@code kill -9} and its data folder deleted (the disk lost); the restore to the newest archived WAL timed, and the
 * recovery point measured: the last acknowledged commit against the newest visit found after the restore.
 */
public final class BackupRestoreBenchmark {

    public static void main(String[] args) throws Exception {
        int residents = args.length > 0 ? Integer.parseInt(args[0].replace(",", "")) : 1_000_000;
        int visitsPerDay = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int writeSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 150;
        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        long t = System.nanoTime();
        RunningMadoguchi app = RunningMadoguchi.start(Map.of("madoguchi.demo.residents", residents,
                "madoguchi.linkage.polling", false, "madoguchi.database.url", "", "madoguchi.backup.enabled", true));
        Path data = app.dataDir();
        System.out.printf("system up with %,d residents in %.0f s%n", residents, seconds(t));
        Jdbi jdbi = app.bean(Jdbi.class);

        t = System.nanoTime();
        long visits = aYearOfVisits(jdbi, visitsPerDay);
        System.out.printf("a year of visits: %,d receptions with their procedures in %.0f s%n", visits, seconds(t));
        long databaseBytes = jdbi.withHandle(h -> h.createQuery("SELECT pg_database_size(current_database())").mapTo(Long.class).one());
        System.out.printf("database size: %,d MB%n", databaseBytes >> 20);

        t = System.nanoTime();
        BackupRun run = app.bean(BackUpDatabaseUseCase.class).backUp();
        System.out.printf("backup (base copy, WAL, scratch restore and checks): %.0f s, %,d MB sealed, verified %s%n  %s%n",
                seconds(t), run.bytes() >> 20, run.verified(), run.summary());

        // the counters keep working; the server's own job ships the WAL as in production
        AtomicReference<Instant> lastAcknowledged = new AtomicReference<>();
        long deadline = System.nanoTime() + writeSeconds * 1_000_000_000L;
        int serial = 9000;
        while (System.nanoTime() < deadline) {
            int s = ++serial;
            Instant committed = jdbi.withHandle(h -> h.createQuery("""
                            INSERT INTO reception (city_code, number, reception_day, serial, channel, state, department_code,
                                                   department_name, opened_at)
                            VALUES ('999997', :number, current_date, :serial, 'COUNTER', 'RECEIVED', '01', '市民課', clock_timestamp())
                            RETURNING opened_at""").bind("number", "RPO-" + s).bind("serial", s)
                    .mapTo(java.time.OffsetDateTime.class).one()).toInstant();
            lastAcknowledged.set(committed);
            Thread.sleep(500);
        }
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
        new ProcessBuilder("kill", "-9", Long.toString(postmaster)).inheritIO().start().waitFor();
        Instant lost = Instant.now();
        System.out.printf("kill -9 of the database server %d s after the backup, last acknowledged commit %s%n", writeSeconds,
                lastAcknowledged.get());
        try {
            app.close();
        } catch (RuntimeException expected) {
            // its database is gone
        }
        deleteTree(data.resolve("postgres"));
        deleteTree(data.resolve("wal-spool"));   // the same disk

        t = System.nanoTime();
        Restored restored;
        try (ApplicationContext cli = ApplicationContext.builder().environments("cli").deduceEnvironment(false)
                .properties(Map.of("madoguchi.data-dir", data.toString(), "madoguchi.backup.enabled", true)).start()) {
            restored = cli.getBean(RestoreDatabaseUseCase.class).restore(Optional.empty());
        }
        System.out.printf("restore to the newest archived WAL: %.0f s, %,d receptions%n", seconds(t), restored.counts().get("reception"));
        Duration rpo = Duration.between(restored.newestReception(), lastAcknowledged.get());
        System.out.printf("recovery point: newest visit restored %s, last acknowledged %s: %.0f s of work lost (disk lost at %s)%n",
                restored.newestReception(), lastAcknowledged.get(), rpo.toMillis() / 1000.0, lost);
        System.exit(0);
    }

    /** 250 opening days of {@code perDay} visits with one procedure each, as the statistics will read them. */
    private static long aYearOfVisits(Jdbi jdbi, int perDay) {
        return jdbi.inTransaction(h -> {
            h.execute("""
                    INSERT INTO reception (city_code, number, reception_day, serial, channel, state, department_code,
                                           department_name, opened_at, completed_at)
                    SELECT '999997', to_char(d, 'YYYYMMDD') || '-' || lpad(s::text, 4, '0'), d::date, s,
                           (ARRAY['KIOSK','COUNTER','PRE_ENTRY'])[1 + s % 3], 'COMPLETED', '01', '市民課',
                           d + make_interval(mins => 510 + s % 480), d + make_interval(mins => 530 + s % 480)
                      FROM generate_series(date '2025-04-01', date '2026-03-31', interval '1 day') d
                           CROSS JOIN generate_series(1, ?) s
                     WHERE extract(isodow FROM d) < 6""", perDay);
            h.execute("""
                    INSERT INTO reception_procedure (city_code, number, position, procedure_code, procedure_name,
                                                     department_code, department_name, life_event, finished_at)
                    SELECT city_code, number, 1, 'RESIDENT_CERTIFICATE', '住民票の写しの交付', '01', '市民課', '', completed_at
                      FROM reception WHERE number NOT LIKE 'RPO-%'""");
            return h.createQuery("SELECT count(*) FROM reception").mapTo(Long.class).one();
        });
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private BackupRestoreBenchmark() {
    }
}
