package jp.madoguchi.staff.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.export.S3Connection;
import jp.madoguchi.adapters.export.backup.FolderBackupStore;
import jp.madoguchi.adapters.export.backup.S3BackupStore;
import jp.madoguchi.adapters.postgres.DatabaseFactory;
import jp.madoguchi.adapters.postgres.ManagedDatabase;
import jp.madoguchi.adapters.postgres.backup.EmbeddedRecovery;
import jp.madoguchi.adapters.postgres.backup.JdbiBackupHistory;
import jp.madoguchi.adapters.postgres.backup.PostgresBaseBackup;
import jp.madoguchi.adapters.security.crypto.AesGcmFileSealing;
import jp.madoguchi.adapters.security.crypto.DataKey;
import jp.madoguchi.application.port.in.BackUpDatabaseUseCase;
import jp.madoguchi.application.port.in.RestoreDatabaseUseCase;
import jp.madoguchi.application.port.out.BackupHistory;
import jp.madoguchi.application.port.out.BackupStore;
import jp.madoguchi.application.port.out.CheckpointSeal;
import jp.madoguchi.application.port.out.DatabaseRecovery;
import jp.madoguchi.application.port.out.FileSealing;
import jp.madoguchi.application.service.BackupService;
import jp.madoguchi.application.service.RestoreDatabaseService;
import org.jdbi.v3.core.Jdbi;

/**
 * バックアップと復元: the store ({@code madoguchi.backup.folder}, default {@code <data>/backups}), sealed with the
 * backup key, which is not the data key: whoever holds the backups alone can open neither them nor the 個人番号 in them.
 */
@Factory
public class BackupFactory {

    static final String BACKUP_SEALING = "backup";

    /** The city's bucket when {@code madoguchi.backup.bucket} names one, else the folder. */
    @Singleton
    BackupStore backupStore(MadoguchiSettings settings, @Property(name = "madoguchi.backup.folder", defaultValue = "") String folder,
                            @Property(name = "madoguchi.backup.bucket", defaultValue = "") String bucket,
                            @Property(name = "madoguchi.backup.s3.endpoint", defaultValue = "") String endpoint,
                            @Property(name = "madoguchi.backup.s3.region", defaultValue = "ap-northeast-1") String region,
                            @Property(name = "madoguchi.backup.s3.access-key", defaultValue = "") String accessKey,
                            @Property(name = "madoguchi.backup.s3.secret-key", defaultValue = "") String secretKey) {
        if (!bucket.isBlank()) {
            if (!folder.isBlank()) {
                throw new IllegalStateException("バックアップの置き場は、フォルダ（madoguchi.backup.folder）とバケット"
                        + "（madoguchi.backup.bucket）のどちらか一方を指定してください");
            }
            return new S3BackupStore(S3Connection.connect(bucket, endpoint, region, accessKey, secretKey));
        }
        return new FolderBackupStore(folder.isBlank() ? settings.dataDir().resolve("backups") : Path.of(folder));
    }

    @Singleton
    @Named(BACKUP_SEALING)
    FileSealing backupSealing(MadoguchiSettings settings, @Property(name = "madoguchi.backup.key", defaultValue = "") String key) {
        return new AesGcmFileSealing(DataKey.load(key, settings.dataDir().resolve("secrets").resolve("backup-key")));
    }

    @Singleton
    DatabaseRecovery databaseRecovery(MadoguchiSettings settings, CheckpointSeal seal, Clock clock) {
        return new EmbeddedRecovery(settings.dataDir().resolve("postgres"), seal, clock);
    }

    @Singleton
    BackupHistory backupHistory(Jdbi jdbi) {
        return new JdbiBackupHistory(jdbi);
    }

    @Singleton
    BackUpDatabaseUseCase backUpDatabase(ManagedDatabase database, MadoguchiSettings settings, DatabaseRecovery recovery,
                                         BackupStore store, @Named(BACKUP_SEALING) FileSealing sealing,
                                         BackupHistory history, Clock clock,
                                         @Property(name = "madoguchi.backup.retention", defaultValue = "14d") Duration retention) {
        return new BackupService(new PostgresBaseBackup(database, DatabaseFactory.walSpool(settings.dataDir()), clock),
                recovery, store, sealing, history, clock, retention);
    }

    /** Needs no running database: a restore is done with the server stopped. */
    @Singleton
    RestoreDatabaseUseCase restoreDatabase(DatabaseRecovery recovery, BackupStore store,
                                           @Named(BACKUP_SEALING) FileSealing sealing, Clock clock) {
        return new RestoreDatabaseService(recovery, store, sealing, clock);
    }
}
