package jp.madoguchi.acceptance.bench;

import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jp.madoguchi.acceptance.support.RunningMadoguchi;
import jp.madoguchi.acceptance.support.StaffLogin;
import org.jdbi.v3.core.Jdbi;

/**
 * 住民検索の負荷ベンチマーク (docs/benchmarks.md): the whole system with N residents imported through the linkage import,
 * then {@code clients} simulated staff sessions, each sending 2 searches a second over its own kept-alive HTTP
 * connection for {@code seconds}:
 * by フリガナ prefix (JSON), by 宛名番号 (page) and by 生年月日 (page), in turn. Prints p50/p95/p99 and errors.
 * Usage: {@code SearchLoadBenchmark [residents] [clients] [seconds] [warm-up seconds]} (default 1,000,000, 140, 60, 150).
 */
public final class SearchLoadBenchmark {

    private static final String[] KANA = {"ア", "イ", "ウ", "カ", "キ", "サ", "シ", "タ", "ナ", "ハ", "マ", "ヤ", "ワ", "オオ", "スズキ", "タナカ", "ヤマダ"};

    public static void main(String[] args) throws Exception {
        int residents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 140;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 150;
        long started = System.nanoTime();
        // production settings: the embedded server of an installation (durable commits, password logins, the
        // system's own role), not the test suite's fast shared cluster
        try (RunningMadoguchi app = RunningMadoguchi.start(Map.of("madoguchi.demo.residents", residents,
                "madoguchi.linkage.polling", false, "madoguchi.database.url", ""))) {
            System.out.printf("system up with %,d residents in %.0f s%n", residents, (System.nanoTime() - started) / 1e9);
            List<String> numbers = app.bean(Jdbi.class).withHandle(h -> h.createQuery(
                    "SELECT addressee_number FROM resident TABLESAMPLE SYSTEM (1) LIMIT 5000").mapTo(String.class).list());
            // the search load of a working day meets a replica the nightly import left settled: let autovacuum's pass
            // over the freshly loaded partition happen now rather than in the middle of the measurement
            long vacuum = System.nanoTime();
            app.bean(Jdbi.class).useHandle(h -> h.execute("VACUUM (ANALYZE) resident"));
            System.out.printf("VACUUM (ANALYZE) resident: %.1f s%n", (System.nanoTime() - vacuum) / 1e9);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            StaffLogin.Session cookie = StaffLogin.overHttp(http, app, "clerk");

            // a server that has just started is still compiling its hot paths, and on 2 cores the JIT needs minutes
            // of traffic to finish: the warm-up rounds are not measured
            for (int w = 0; w < warmUp; w += 30) {
                Round warm = Round.run(app, cookie, numbers, clients, Math.min(30, warmUp - w));
                System.out.printf("  warm-up round: %,d requests, %d errors, p99 %.1f ms%n", warm.sent, warm.errors, warm.quantile(0.99));
            }
            Round round = Round.run(app, cookie, numbers, clients, seconds);
            System.out.printf("%d clients × 2 req/s × %d s: %,d requests, %d errors%n", clients, seconds, round.sent, round.errors);
            System.out.printf("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", round.quantile(0.50),
                    round.quantile(0.95), round.quantile(0.99), round.quantile(1.0));
            Runtime rt = Runtime.getRuntime();
            System.out.printf("JVM heap in use after the run: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
        System.exit(0);
    }

    /**
     * One timed round: every client sends 2 requests a second on its own kept-alive connection, at fixed times spread
     * over the second. Latency counts from the time a request was due, so a client held up by a slow answer is not
     * excused for the requests it sent late (no coordinated omission).
     */
    private record Round(int sent, int errors, long[] sorted) {

        static Round run(RunningMadoguchi app, StaffLogin.Session session, List<String> numbers, int clients, int seconds)
                throws InterruptedException {
            URI server = URI.create(app.url("/"));
            long[] latencies = new long[clients * seconds * 2];
            AtomicInteger slots = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            Random random = new Random(7);
            long start = System.nanoTime() + 200_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                long offset = random.nextInt(500) * 1_000_000L;
                Thread thread = new Thread(() -> {
                    try (KeepAliveConnection connection = new KeepAliveConnection(server.getHost(), server.getPort())) {
                        for (int n = 0; n < seconds * 2; n++) {
                            long due = start + offset + n * 500_000_000L;
                            LockSupport.parkNanos(due - System.nanoTime());
                            try {
                                if (connection.post(PATHS[(client + n) % 3], form(client, n, numbers), session.cookies(), session.csrfToken()) != 200) {
                                    errors.incrementAndGet();
                                }
                            } catch (IOException e) {
                                errors.incrementAndGet();
                            }
                            latencies[slots.getAndIncrement()] = System.nanoTime() - due;
                        }
                    }
                }, "client-" + c);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long[] sorted = Arrays.copyOf(latencies, slots.get());
            Arrays.sort(sorted);
            return new Round(sorted.length, errors.get(), sorted);
        }

        private static final String[] PATHS = {"/staff/api/residents", "/staff/residents", "/staff/residents"};

        /** フリガナ prefix (JSON), 宛名番号 (page) and 生年月日 (page), in turn, posted as the pages post them. */
        private static String form(int client, int n, List<String> numbers) {
            return switch ((client + n) % 3) {
                case 0 -> "kana=" + URLEncoder.encode(KANA[(client * 7 + n) % KANA.length], StandardCharsets.UTF_8);
                case 1 -> "number=" + numbers.get((client * 31 + n) % numbers.size());
                default -> "born=" + (1940 + (client + n) % 80) + "-0" + (1 + n % 9) + "-1" + (n % 9);
            };
        }

        double quantile(double q) {
            return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
        }
    }
}
