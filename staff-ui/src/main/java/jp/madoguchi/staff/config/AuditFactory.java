package jp.madoguchi.staff.config;

import java.time.Clock;
import java.time.Period;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.postgres.audit.JdbiAuditTrail;
import jp.madoguchi.application.port.in.MaintainAuditTrailUseCase;
import jp.madoguchi.application.port.in.VerifyAuditTrailUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.AuditTrailQuery;
import jp.madoguchi.application.port.out.CheckpointSeal;
import jp.madoguchi.application.service.MaintainAuditTrailService;
import jp.madoguchi.application.service.ReadAuditTrailService;
import org.jdbi.v3.core.Jdbi;

/**
 * アクセス記録: 検証、保守（チェックポイント・保存期間）、閲覧。
 * Services are built with {@code new}, so the application module stays free of annotations
 * (ddd-by-examples/library's configuration style); each bean is built only when a driving adapter asks.
 */
@Factory
public class AuditFactory {

    /** The access history in PostgreSQL; its writer thread stops with the server. */
    @Singleton
    @Bean(preDestroy = "close")
    JdbiAuditTrail jdbiAuditTrail(Jdbi jdbi, CheckpointSeal seal) {
        return new JdbiAuditTrail(jdbi, seal);
    }

    /** The one every use case gets: the same, with each append's wait in the metrics. */
    @Singleton
    @Primary
    AuditTrail auditTrail(JdbiAuditTrail trail, BeanProvider<MeterRegistry> registry) {
        return new TimedAuditTrail(trail, registry.find(null).orElseGet(SimpleMeterRegistry::new));
    }

    @Singleton
    VerifyAuditTrailUseCase verifyAuditTrail(AuditTrail trail) {
        return trail::verify;
    }

    /** アクセス記録の保存期間 {@code madoguchi.audit.retention} (ISO 8601 period, default P5Y, at least P1Y). */
    @Singleton
    MaintainAuditTrailUseCase maintainAuditTrail(AuditTrail trail, MadoguchiSettings settings, Clock clock,
                                                 @Property(name = "madoguchi.audit.retention", defaultValue = "P5Y") String retention) {
        return new MaintainAuditTrailService(trail, Period.parse(retention), settings.city(), clock);
    }

    @Singleton
    ReadAuditTrailService readAuditTrail(AuditTrailQuery query, AuditTrail trail, Clock clock) {
        return new ReadAuditTrailService(query, trail, clock);
    }
}
