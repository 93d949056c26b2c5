package jp.madoguchi.staff.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A limit on the writes anyone can send without a login — the login form, a kiosk's registration, a phone's
 * 事前入力 and the core systems' API — per client address: each address has a bucket of
 * {@code madoguchi.security.anonymous-writes.burst} sends (default 30) that refills at
 * {@code madoguchi.security.anonymous-writes.per-minute} (default 30). Lockout protects each account; this keeps
 * one PC from guessing across many accounts, flooding the access history or filling the 事前入力 table.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AnonymousWriteLimit implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(AnonymousWriteLimit.class);
    private static final List<String> ANONYMOUS_WRITES = List.of("/staff/login", "/kiosk/pre-entry", "/kiosk/pre-entry/answers", "/kiosk/device",
            "/api/v1/");

    private final HttpClientAddressResolver addresses;
    private final Clock clock;
    private final double burst;
    private final double perMilli;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(30)).maximumSize(100_000).build();

    public AnonymousWriteLimit(HttpClientAddressResolver addresses, Clock clock,
                               @Property(name = "madoguchi.security.anonymous-writes.burst", defaultValue = "30") int burst,
                               @Property(name = "madoguchi.security.anonymous-writes.per-minute", defaultValue = "30") int perMinute) {
        this.addresses = addresses;
        this.clock = clock;
        this.burst = Math.max(1, burst);
        this.perMilli = Math.max(1, perMinute) / 60_000.0;
    }

    @RequestFilter(methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
    public @Nullable HttpResponse<?> limit(HttpRequest<?> request) {
        String path = request.getPath();
        if (ANONYMOUS_WRITES.stream().noneMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p))) {
            return null;
        }
        String from = addresses.resolve(request);
        long now = clock.millis();
        Bucket bucket = buckets.get(from, k -> new Bucket(burst, now));
        long waitSeconds = bucket.take(now, burst, perMilli);
        if (waitSeconds == 0) {
            return null;
        }
        LOG.warn("匿名の送信が多すぎるため拒否しました: {} {}（接続元 {}）", request.getMethod(), path, from);
        boolean api = path.startsWith("/api/");
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(waitSeconds))
                .contentType(api ? MediaType.TEXT_PLAIN_TYPE + ";charset=UTF-8" : MediaType.TEXT_HTML_TYPE + ";charset=UTF-8")
                .body(api ? "too many requests; retry after " + waitSeconds + " s" : REFUSAL.formatted(waitSeconds));
    }

    /** A token bucket: full at first, one token back every {@code 1 / perMilli} ms. */
    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** 0 when a send may go, else the seconds until one may. */
        synchronized long take(long now, double burst, double perMilli) {
            tokens = Math.min(burst, tokens + Math.max(0, now - at) * perMilli);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
        }
    }

    @Override
    public int getOrder() {
        // before the security and CSRF filters: a refused send costs no token check, no body parsing, no history entry
        return ServerFilterPhase.SECURITY.before();
    }

    private static final String REFUSAL = """
            <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>しばらくお待ちください</title>
            <link rel="stylesheet" href="/staff/assets/staff.css"></head><body><main>
            <h1>しばらくお待ちください</h1>
            <p>この端末からの送信が短い間に続いたため、安全のため一時的に受け付けを止めています。
            %d 秒ほどたってから、もう一度操作してください。続くときは庁内の情報システム担当にご連絡ください。</p>
            </main></body></html>""";
}
