package jp.madoguchi.staff.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.madoguchi.application.port.in.ReportOperationsUseCase.Check;
import jp.madoguchi.application.port.in.ReportOperationsUseCase.OperationsReport;

/**
 * For the monitoring and the load balancer: {@code /ops/health/live} (the process answers), {@code /ops/health/ready}
 * (it can serve: database reachable and migrated, disk space; 503 otherwise, each check named) and {@code /ops/metrics}
 * (Prometheus). Only the operations network or the operations token gets an answer; anyone else a 404.
 */
@Controller("/ops")
@Secured(SecurityRule.IS_ANONYMOUS)
public class OperationsController {

    private final OperationsAccess access;
    private final OperationsMetrics metrics;
    private final PrometheusMeterRegistry registry;
    private final StartupCompletion startup;

    public OperationsController(OperationsAccess access, OperationsMetrics metrics, PrometheusMeterRegistry registry,
                                StartupCompletion startup) {
        this.startup = startup;
        this.access = access;
        this.metrics = metrics;
        this.registry = registry;
    }

    @Get(value = "/health/live", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> live(HttpRequest<?> request) {
        if (!access.allows(request)) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(Map.of("status", "UP"));
    }

    @Get(value = "/health/ready", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> ready(HttpRequest<?> request) {
        if (!access.allows(request)) {
            return HttpResponse.notFound();
        }
        OperationsReport report = metrics.report();
        Map<String, Object> checks = new LinkedHashMap<>();
        for (Check check : report.checks()) {
            checks.put(check.name(), Map.of("ok", check.ok(), "gatesReadiness", check.gatesReadiness(), "detail", check.detail()));
        }
        boolean started = startup.complete();
        checks.put("startup", Map.of("ok", started, "gatesReadiness", true,
                "detail", started ? "起動時の処理を終えました" : "起動時の処理（規則・デモデータの準備）の途中です"));
        boolean ready = report.ready() && started;
        Map<String, Object> body = Map.of("status", ready ? "UP" : "DOWN", "checks", checks);
        return ready ? HttpResponse.ok(body) : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @Get(value = "/metrics", produces = "text/plain; version=0.0.4; charset=utf-8")
    public HttpResponse<?> metrics(HttpRequest<?> request) {
        if (!access.allows(request)) {
            return HttpResponse.notFound();
        }
        metrics.report();   // the per-state and per-outcome rows as of now
        return HttpResponse.ok(registry.scrape());
    }
}
