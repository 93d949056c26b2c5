package jp.madoguchi.acceptance.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jp.madoguchi.acceptance.support.RunningMadoguchi;
import org.jdbi.v3.core.Jdbi;

/**
 * 住民検索の負荷ベンチマーク (QUALITY.md): the whole system with N residents imported through the linkage import,
 * then {@code clients} simulated staff sessions, each sending 2 searches a second over HTTP for {@code seconds}:
 * by フリガナ prefix (JSON), by 宛名番号 (page) and by 生年月日 (page), in turn. Prints p50/p95/p99 and errors.
 * Usage: {@code SearchLoadBenchmark [residents] [clients] [seconds] [warm-up seconds]} (default 1,000,000, 140, 60, 30).
 */
public final class SearchLoadBenchmark {

    private static final String[] KANA = {"ア", "イ", "ウ", "カ", "キ", "サ", "シ", "タ", "ナ", "ハ", "マ", "ヤ", "ワ", "オオ", "スズキ", "タナカ", "ヤマダ"};

    public static void main(String[] args) throws Exception {
        int residents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 140;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        long started = System.nanoTime();
        try (RunningMadoguchi app = RunningMadoguchi.start(Map.of("madoguchi.demo.residents", residents,
                "madoguchi.linkage.polling", false))) {
            System.out.printf("system up with %,d residents in %.0f s%n", residents, (System.nanoTime() - started) / 1e9);
            List<String> numbers = app.bean(Jdbi.class).withHandle(h -> h.createQuery(
                    "SELECT addressee_number FROM resident TABLESAMPLE SYSTEM (1) LIMIT 5000").mapTo(String.class).list());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String cookie = login(http, app);

            // a server that has just started is still compiling its hot paths: the first round warms it up
            System.out.printf("warm-up: %d s at the same rate, not measured%n", warmUp);
            Round warm = Round.run(http, app, cookie, numbers, clients, warmUp);
            System.out.printf("  warm-up: %,d requests, %d errors, p99 %.1f ms%n", warm.sent, warm.errors, warm.quantile(0.99));
            Round round = Round.run(http, app, cookie, numbers, clients, seconds);
            System.out.printf("%d clients × 2 req/s × %d s: %,d requests, %d errors%n", clients, seconds, round.sent, round.errors);
            System.out.printf("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", round.quantile(0.50),
                    round.quantile(0.95), round.quantile(0.99), round.quantile(1.0));
            Runtime rt = Runtime.getRuntime();
            System.out.printf("JVM heap in use after the run: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
        System.exit(0);
    }

    /** One timed round: every client sends 2 requests a second, spread over the second, for {@code seconds}. */
    private record Round(int sent, int errors, long[] sorted) {

        static Round run(HttpClient http, RunningMadoguchi app, String cookie, List<String> numbers, int clients, int seconds)
                throws InterruptedException {
            long[] latencies = new long[clients * seconds * 2 + 1000];
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            AtomicLong measured = new AtomicLong();
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
            CountDownLatch done = new CountDownLatch(clients);
            Random random = new Random(7);
            for (int c = 0; c < clients; c++) {
                int client = c;
                long offset = random.nextInt(500);
                AtomicInteger count = new AtomicInteger();
                scheduler.scheduleAtFixedRate(() -> {
                    int n = count.getAndIncrement();
                    if (n >= seconds * 2) {
                        if (n == seconds * 2) {
                            done.countDown();
                        }
                        return;
                    }
                    String path = switch ((client + n) % 3) {
                        case 0 -> "/staff/api/residents?kana=" + URLEncoder.encode(KANA[(client * 7 + n) % KANA.length], StandardCharsets.UTF_8);
                        case 1 -> "/staff/residents?number=" + numbers.get((client * 31 + n) % numbers.size());
                        default -> "/staff/residents?born=" + (1940 + (client + n) % 80) + "-0" + (1 + n % 9) + "-1" + (n % 9);
                    };
                    long start = System.nanoTime();
                    sent.incrementAndGet();
                    http.sendAsync(HttpRequest.newBuilder(URI.create(app.url(path))).header("Cookie", cookie)
                                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                            .whenComplete((response, failure) -> {
                                long took = System.nanoTime() - start;
                                if (failure != null || response.statusCode() != 200) {
                                    errors.incrementAndGet();
                                }
                                int slot = (int) measured.getAndIncrement();
                                if (slot < latencies.length) {
                                    latencies[slot] = took;
                                }
                            });
                }, offset, 500, TimeUnit.MILLISECONDS);
            }
            done.await();
            Thread.sleep(2_000);
            scheduler.shutdownNow();
            int n = (int) Math.min(measured.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            return new Round(sent.get(), errors.get(), sorted);
        }

        double quantile(double q) {
            return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
        }
    }

    private static String login(HttpClient http, RunningMadoguchi app) throws Exception {
        String form = "username=clerk&password=" + URLEncoder.encode(RunningMadoguchi.DEMO_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = new ArrayList<>(response.headers().allValues("set-cookie"));
        return cookies.stream().filter(c -> c.startsWith("JWT=")).map(c -> c.split(";")[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("ログインできません: " + response.statusCode()));
    }
}
