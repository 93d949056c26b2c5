package jp.madoguchi.staff.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.export.FileHandoffLayouts;
import jp.madoguchi.adapters.export.RpaFolderCsvExport;
import jp.madoguchi.adapters.export.S3BucketExport;
import jp.madoguchi.adapters.postgres.JdbiHandoffClients;
import jp.madoguchi.adapters.security.crypto.AesGcmHandoffSealing;
import jp.madoguchi.adapters.security.crypto.DataKey;
import jp.madoguchi.adapters.postgres.JdbiHandoffOutbox;
import jp.madoguchi.application.port.in.CompleteReceptionUseCase;
import jp.madoguchi.application.port.in.DeliverHandoffUseCase;
import jp.madoguchi.application.port.in.PreviewHandoffUseCase;
import jp.madoguchi.application.port.in.PullHandoffUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.BackOfficeExport;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.HandoffLayouts;
import jp.madoguchi.application.port.out.HandoffOutbox;
import jp.madoguchi.application.port.out.HandoffSealing;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.ReceptionPaperwork;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.service.CompleteReceptionService;
import jp.madoguchi.application.service.DeliverHandoffService;
import jp.madoguchi.application.service.PreviewHandoffService;
import jp.madoguchi.application.service.PullHandoffService;
import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.form.FieldDefinition;
import org.jdbi.v3.core.Jdbi;

/**
 * 基幹連携（後方連携）: the layouts (shipped, replaced by the city's in {@code <data>/handoff}), the outbox, and the
 * targets every record goes to: the RPA folder ({@code madoguchi.handoff.folder}, on unless switched off) and, when
 * {@code madoguchi.handoff.s3.url} is set, the city's bucket.
 */
@Factory
public class HandoffFactory {

    @Singleton
    HandoffLayouts handoffLayouts(MadoguchiSettings settings, FormCatalogue catalogue) {
        return new FileHandoffLayouts(settings.dataDir().resolve("handoff"),
                catalogue.dictionary().all().stream().map(FieldDefinition::key).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * 封緘 with the city's hand-off key ({@code MADOGUCHI_HANDOFF_KEY}, Base64 of 32 bytes), else one made on first start
     * and kept (readable by the owner only) in {@code <data>/secrets/handoff-key}: the core systems get this key, never
     * the data key.
     */
    @Singleton
    HandoffSealing handoffSealing(MadoguchiSettings settings,
                                  @Property(name = "madoguchi.handoff.key", defaultValue = "") String key) {
        return new AesGcmHandoffSealing(DataKey.load(key.isBlank() ? System.getenv().getOrDefault("MADOGUCHI_HANDOFF_KEY", "") : key,
                settings.dataDir().resolve("secrets").resolve("handoff-key")));
    }

    @Singleton
    HandoffOutbox handoffOutbox(Jdbi jdbi) {
        return new JdbiHandoffOutbox(jdbi);
    }

    /** The targets by name, in the order deliveries are made. */
    @Singleton
    @Named("handoffTargets")
    Map<String, BackOfficeExport> handoffTargets(MadoguchiSettings settings,
            @Property(name = "madoguchi.handoff.folder-enabled", defaultValue = "true") boolean folder,
            @Property(name = "madoguchi.handoff.s3.url", defaultValue = "") String bucketUrl,
            @Property(name = "madoguchi.handoff.s3.endpoint", defaultValue = "") String endpoint,
            @Property(name = "madoguchi.handoff.s3.region", defaultValue = "ap-northeast-1") String region,
            @Property(name = "madoguchi.handoff.s3.access-key", defaultValue = "") String accessKey,
            @Property(name = "madoguchi.handoff.s3.secret-key", defaultValue = "") String secretKey) {
        Map<String, BackOfficeExport> targets = new LinkedHashMap<>();
        if (folder) {
            targets.put("folder", new RpaFolderCsvExport(settings.exportFolder()));
        }
        if (!bucketUrl.isBlank()) {
            targets.put("s3", S3BucketExport.connect(bucketUrl, endpoint, region, accessKey, secretKey));
        }
        return targets;
    }

    @Singleton
    CompleteReceptionUseCase completeReception(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
                                               FormCatalogue catalogue, ReceptionPaperwork paperwork,
                                               HandoffLayouts layouts, HandoffOutbox outbox,
                                               @Named("handoffTargets") Map<String, BackOfficeExport> targets,
                                               HandoffSealing sealing, Municipalities municipalities, AuditTrail trail,
                                               Transactions transactions, EraTable eras, Clock clock) {
        return new CompleteReceptionService(receptions, registry, moveIns, catalogue, paperwork, layouts, outbox,
                List.copyOf(targets.keySet()), sealing, municipalities, trail, transactions, eras, clock);
    }

    @Singleton
    PreviewHandoffUseCase previewHandoff(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
                                         FormCatalogue catalogue, ReceptionPaperwork paperwork, HandoffLayouts layouts,
                                         HandoffSealing sealing, Municipalities municipalities, AuditTrail trail,
                                         EraTable eras, Clock clock) {
        return new PreviewHandoffService(receptions, registry, moveIns, catalogue, paperwork, layouts, sealing,
                municipalities, trail, eras, clock);
    }

    @Singleton
    PullHandoffUseCase pullHandoff(Jdbi jdbi, HandoffOutbox outbox, AuditTrail trail, Clock clock) {
        return new PullHandoffService(new JdbiHandoffClients(jdbi), outbox, trail, clock);
    }

    @Singleton
    DeliverHandoffUseCase deliverHandoff(HandoffOutbox outbox,
                                         @Named("handoffTargets") Map<String, BackOfficeExport> targets,
                                         AuditTrail trail, Clock clock) {
        return new DeliverHandoffService(outbox, targets, trail, clock);
    }
}
