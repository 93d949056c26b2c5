package jp.madoguchi.staff.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.postgres.ManagedDatabase;
import jp.madoguchi.adapters.postgres.handover.FolderInstallationEraser;
import jp.madoguchi.adapters.postgres.handover.FolderInstallationEraser.Target;
import jp.madoguchi.adapters.postgres.handover.JdbiDataHandover;
import jp.madoguchi.adapters.security.crypto.Ed25519CertificateSigner;
import jp.madoguchi.application.port.in.EraseInstallationUseCase;
import jp.madoguchi.application.port.in.HandOverDataUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.service.EraseInstallationService;
import jp.madoguchi.application.service.HandoverService;

/** 契約終了: the data handed back, then the installation erased with a certificate. */
@Factory
public class HandoverFactory {

    /** Inside the data folder, these are erased under their own names; pgbin (PostgreSQL's programs) is not data. */
    private static final Set<String> NAMED = Set.of("postgres", "secrets", "pgbin", "backups", "wal-spool", "linkage",
            "exports", "logs");

    @Singleton
    HandOverDataUseCase handOverData(ManagedDatabase database, AuditTrail trail, MadoguchiSettings settings, Clock clock) {
        return new HandoverService(new JdbiDataHandover(database.dataSource()), trail, settings.installation(), clock);
    }

    /** Needs no running database: the embedded one must be stopped to be erased. */
    @Singleton
    EraseInstallationUseCase eraseInstallation(MadoguchiSettings settings, Clock clock,
                                               @Property(name = "madoguchi.database.url", defaultValue = "") String url,
                                               @Property(name = "madoguchi.database.owner-username", defaultValue = "") String owner,
                                               @Property(name = "madoguchi.database.owner-password", defaultValue = "") String ownerPassword,
                                               @Property(name = "madoguchi.database.username", defaultValue = "") String user,
                                               @Property(name = "madoguchi.database.password", defaultValue = "") String password,
                                               @Property(name = "madoguchi.backup.folder", defaultValue = "") String backups,
                                               @Property(name = "madoguchi.linkage.inbox", defaultValue = "") String inbox,
                                               @Property(name = "madoguchi.logs.folder", defaultValue = "") String logs) {
        Path data = settings.dataDir();
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("バックアップ", backups.isBlank() ? data.resolve("backups") : Path.of(backups)));
        targets.add(new Target("WAL の退避", data.resolve("wal-spool")));
        targets.add(new Target("連携ファイル（受信・保管・隔離）", data.resolve("linkage")));
        if (!inbox.isBlank()) {
            targets.add(new Target("連携ファイル（受信・保管・隔離）", Path.of(inbox)));
        }
        targets.add(new Target("出力（基幹連携・RPA）", data.resolve("exports")));
        if (!settings.exportFolder().startsWith(data)) {
            targets.add(new Target("出力（基幹連携・RPA）", settings.exportFolder()));
        }
        targets.add(new Target("ログ", logs.isBlank() ? data.resolve("logs") : Path.of(logs)));
        targets.addAll(rest(data));
        boolean embedded = url.isBlank();
        return new EraseInstallationService(new FolderInstallationEraser(embedded ? data.resolve("postgres") : null,
                embedded ? null : url, owner.isBlank() ? user : owner, owner.isBlank() ? password : ownerPassword,
                targets, data.resolve("secrets")), new Ed25519CertificateSigner(), settings.installation(), clock);
    }

    /** The data folder's other entries (restores set aside, printed forms, the settings file), each by its name. */
    private static List<Target> rest(Path data) {
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(data)) {
            return entries.filter(p -> !NAMED.contains(p.getFileName().toString())).sorted()
                    .map(p -> new Target("その他（" + p.getFileName() + "）", p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("データフォルダを読めません: " + data, e);
        }
    }
}
