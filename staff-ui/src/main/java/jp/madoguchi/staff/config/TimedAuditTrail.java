package jp.madoguchi.staff.config;

import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.madoguchi.application.port.out.AuditCheckpoint;
import jp.madoguchi.domain.audit.AuditEntry;
import jp.madoguchi.application.port.out.AuditPruning;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.AuditVerification;

/**
 * The access history with the time each append waits for its commit measured ({@code madoguchi.audit.append}, p50,
 * p95 and p99 in the metrics): every view, search and print waits for its record, so this is the first place a slow
 * disk shows.
 */
final class TimedAuditTrail implements AuditTrail {

    private final AuditTrail trail;
    private final Timer appends;

    TimedAuditTrail(AuditTrail trail, MeterRegistry registry) {
        this.trail = trail;
        this.appends = Timer.builder("madoguchi.audit.append")
                .description("アクセス記録の追記（書き込みの確定まで）にかかった時間")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    @Override
    public void append(AuditEntry entry) {
        appends.record(() -> trail.append(entry));
    }

    @Override
    public AuditVerification verify() {
        return trail.verify();
    }

    @Override
    public Optional<AuditCheckpoint> checkpoint(Instant at) {
        return trail.checkpoint(at);
    }

    @Override
    public AuditPruning prune(Instant before) {
        return trail.prune(before);
    }
}
