package jp.madoguchi.staff.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase;
import jp.madoguchi.application.port.in.OpenLinkageArchiveUseCase;
import jp.madoguchi.application.port.in.PurgeExpiredRecordsUseCase;
import jp.madoguchi.application.port.in.PurgeLinkageArchivesUseCase;
import jp.madoguchi.application.port.in.ShowImportHistoryUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.FileSealing;
import jp.madoguchi.application.port.out.ImportHistory;
import jp.madoguchi.application.port.out.LinkageSources;
import jp.madoguchi.application.port.out.ReplicaLoader;
import jp.madoguchi.application.port.out.ReplicaRetention;
import jp.madoguchi.application.service.ImportLinkageFilesService;
import jp.madoguchi.application.service.OpenLinkageArchiveService;
import jp.madoguchi.application.service.PurgeExpiredRecordsService;
import jp.madoguchi.application.service.PurgeLinkageArchivesService;
import jp.madoguchi.application.service.ShowImportHistoryService;

/**
 * 前方連携: 取込、取込履歴、除票の保存期間、連携ファイルの保管期間。
 * Services are built with {@code new}, so the application module stays free of annotations
 * (ddd-by-examples/library's configuration style); each bean is built only when a driving adapter asks.
 */
@Factory
public class LinkageFactory {

    @Singleton
    ImportLinkageFilesUseCase importLinkageFiles(LinkageSources sources, ReplicaLoader loader, AuditTrail trail, Clock clock) {
        return new ImportLinkageFilesService(sources, loader, trail, clock);
    }

    @Singleton
    ShowImportHistoryUseCase importHistory(ImportHistory history) {
        return new ShowImportHistoryService(history);
    }

    /** 除票の保存期間 {@code madoguchi.linkage.retention} (ISO 8601 period, default P5Y). */
    @Singleton
    PurgeExpiredRecordsUseCase purgeExpiredRecords(ReplicaRetention retention, Clock clock,
                                                   @Property(name = "madoguchi.linkage.retention", defaultValue = "P5Y") String period) {
        return new PurgeExpiredRecordsService(retention, Period.parse(period), clock);
    }

    @Singleton
    OpenLinkageArchiveUseCase openLinkageArchive(FileSealing sealing, AuditTrail trail, Clock clock) {
        return new OpenLinkageArchiveService(sealing, trail, clock);
    }

    /** 連携ファイルの保管期間 {@code madoguchi.linkage.archive-retention} (default 30 days). */
    @Singleton
    PurgeLinkageArchivesUseCase purgeLinkageArchives(LinkageSources sources, Clock clock,
                                                     @Property(name = "madoguchi.linkage.archive-retention", defaultValue = "30d") Duration retention) {
        return new PurgeLinkageArchivesService(sources, retention, clock);
    }
}
