package jp.madoguchi.staff.config;

import java.time.Clock;
import java.time.Period;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.MaintainAuditTrailUseCase;
import jp.madoguchi.application.port.in.VerifyAuditTrailUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.AuditTrailQuery;
import jp.madoguchi.application.service.MaintainAuditTrailService;
import jp.madoguchi.application.service.ReadAuditTrailService;

/**
 * アクセス記録: 検証、保守（チェックポイント・保存期間）、閲覧。
 * Services are built with {@code new}, so the application module stays free of annotations
 * (ddd-by-examples/library's configuration style); each bean is built only when a driving adapter asks.
 */
@Factory
public class AuditFactory {

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
