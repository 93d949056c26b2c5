package jp.madoguchi.application.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ReportOperationsUseCase;
import jp.madoguchi.application.port.out.BackupHistory;
import jp.madoguchi.application.port.out.OperationalState;

/**
 * The checks behind readiness: the database reachable and fully migrated, and room on the data disk; and the ages
 * that warn (an import, a checkpoint or a backup older than expected) without taking the server out of service.
 */
public final class ReportOperationsService implements ReportOperationsUseCase {

    private final OperationalState state;
    private final BackupHistory backups;
    private final boolean backupsEnabled;
    private final Installation installation;
    private final Path dataDir;
    private final long minimumFreeBytes;
    private final Limits limits;
    private final Clock clock;

    /** How old each thing may be before its check warns. */
    public record Limits(Duration importAge, Duration checkpointAge, Duration backupAge) {
    }

    public ReportOperationsService(OperationalState state, BackupHistory backups, boolean backupsEnabled,
                                   Installation installation, Path dataDir, long minimumFreeBytes, Limits limits,
                                   Clock clock) {
        this.state = state;
        this.backups = backups;
        this.backupsEnabled = backupsEnabled;
        this.installation = installation;
        this.dataDir = dataDir;
        this.minimumFreeBytes = minimumFreeBytes;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public OperationsReport report() {
        List<Check> checks = new ArrayList<>();
        Map<String, Long> visits = Map.of();
        Map<String, Long> imports = Map.of();
        Map<String, Duration> ages = new LinkedHashMap<>();
        long undelivered = 0;
        Instant now = clock.instant();
        boolean database;
        try {
            int pending = state.pendingMigrations();
            database = true;
            checks.add(new Check("database", pending == 0, true,
                    pending == 0 ? "接続でき、移行は最新です" : "未適用の移行が " + pending + " 件あります"));
        } catch (RuntimeException e) {
            database = false;
            checks.add(new Check("database", false, true, "データベースに接続できません: " + e.getMessage()));
        }
        checks.add(disk());
        if (database) {
            try {
                visits = state.visitsByState(installation.city().value(), LocalDate.now(clock.withZone(installation.zone())));
                undelivered = state.undeliveredHandoffs();
                imports = state.importsByOutcome();
                age(checks, ages, "linkage-import", state.lastAppliedImport(), limits.importAge(), now, "前方連携の取込");
                age(checks, ages, "audit-checkpoint", state.lastAuditCheckpoint(), limits.checkpointAge(), now,
                        "アクセス記録のチェックポイント");
                if (backupsEnabled) {
                    age(checks, ages, "backup", backups.lastVerified().map(BackupHistory.BackupRun::finishedAt),
                            limits.backupAge(), now, "検証済みのバックアップ");
                }
            } catch (RuntimeException e) {
                checks.add(new Check("figures", false, false, "稼働状況を読めません: " + e.getMessage()));
            }
        }
        return new OperationsReport(checks, visits, undelivered, imports, ages);
    }

    private Check disk() {
        try {
            long free = Files.getFileStore(Files.exists(dataDir) ? dataDir : dataDir.getRoot()).getUsableSpace();
            return new Check("disk", free >= minimumFreeBytes, true,
                    String.format("データフォルダの空き %,d MB（下限 %,d MB）", free >> 20, minimumFreeBytes >> 20));
        } catch (IOException e) {
            return new Check("disk", false, true, "データフォルダの空き容量を読めません: " + e.getMessage());
        }
    }

    private static void age(List<Check> checks, Map<String, Duration> ages, String name, Optional<Instant> last,
                            Duration limit, Instant now, String what) {
        if (last.isEmpty()) {
            checks.add(new Check(name, false, false, what + "はまだありません"));
            return;
        }
        Duration age = Duration.between(last.get(), now);
        ages.put(name, age);
        checks.add(new Check(name, age.compareTo(limit) <= 0, false,
                String.format("%sから %d 分（上限 %d 分）", what, age.toMinutes(), limit.toMinutes())));
    }
}
