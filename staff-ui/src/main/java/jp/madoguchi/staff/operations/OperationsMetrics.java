package jp.madoguchi.staff.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.ReportOperationsUseCase;
import jp.madoguchi.application.port.in.ReportOperationsUseCase.OperationsReport;

/**
 * The system's own figures beside the request, JVM and pool metrics: today's visits by state, the hand-off outbox,
 * imports by outcome, the age of the last import, checkpoint and verified backup, and each readiness check. One
 * report serves a whole scrape and is kept for 15 seconds, so a scrape costs the database a few counts at most.
 */
@Singleton
public class OperationsMetrics implements MeterBinder {

    private static final Duration KEPT = Duration.ofSeconds(15);

    private final ReportOperationsUseCase operations;
    private volatile OperationsReport report;
    private volatile long reportedAt;

    public OperationsMetrics(ReportOperationsUseCase operations) {
        this.operations = operations;
    }

    /** The report, fresh or at most {@link #KEPT} old. */
    public OperationsReport report() {
        long now = System.nanoTime();
        if (report == null || now - reportedAt > KEPT.toNanos()) {
            report = operations.report();
            reportedAt = now;
            refreshMultiGauges();
        }
        return report;
    }

    private final List<Runnable> multiGauges = new ArrayList<>();

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("madoguchi.handoff.outbox.depth", this, m -> m.report().undelivered())
                .description("基幹連携の未送信件数").register(registry);
        ages(registry, "linkage-import", "madoguchi.linkage.import.age", "最後に適用した前方連携の取込からの秒数");
        ages(registry, "audit-checkpoint", "madoguchi.audit.checkpoint.age", "最後のアクセス記録のチェックポイントからの秒数");
        ages(registry, "backup", "madoguchi.backup.verified.age", "最後の検証済みバックアップからの秒数");
        Gauge.builder("madoguchi.ready", this, m -> m.report().ready() ? 1 : 0)
                .description("1: 受け付けられる（データベース・移行・空き容量）").register(registry);
        multi(registry, "madoguchi.visits.today", "state", "本日の受付件数（状態別）", OperationsReport::visitsByState);
        multi(registry, "madoguchi.linkage.imports", "outcome", "前方連携の取込件数（結果別）", OperationsReport::importsByOutcome);
        MultiGauge checks = MultiGauge.builder("madoguchi.check").description("各確認の結果（1: 正常）").register(registry);
        multiGauges.add(() -> checks.register(report.checks().stream()
                .map(c -> MultiGauge.Row.of(Tags.of("check", c.name()), c.ok() ? 1 : 0)).toList(), true));
    }

    private void ages(MeterRegistry registry, String check, String name, String description) {
        Gauge.builder(name, this, m -> {
            Duration age = m.report().ages().get(check);
            return age == null ? Double.NaN : age.toSeconds();
        }).description(description).baseUnit("seconds").register(registry);
    }

    private void multi(MeterRegistry registry, String name, String tag, String description,
                       Function<OperationsReport, Map<String, Long>> counts) {
        MultiGauge gauge = MultiGauge.builder(name).description(description).register(registry);
        multiGauges.add(() -> gauge.register(counts.apply(report).entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of(tag, e.getKey()), e.getValue())).toList(), true));
    }

    private void refreshMultiGauges() {
        multiGauges.forEach(Runnable::run);
    }
}
