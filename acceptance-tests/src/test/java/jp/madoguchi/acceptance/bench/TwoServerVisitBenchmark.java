package jp.madoguchi.acceptance.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.acceptance.support.KioskRegistration;
import jp.madoguchi.acceptance.support.LoadBalancer;
import jp.madoguchi.acceptance.support.PreEntryVisits;
import jp.madoguchi.acceptance.support.RunningMadoguchi;
import jp.madoguchi.acceptance.support.StaffLogin;
import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal;
import jp.madoguchi.adapters.devices.cardreader.TextApCardReader;
import jp.madoguchi.adapters.devices.cardreader.VirtualMyNumberCard;
import jp.madoguchi.adapters.devices.terminal.TerminalAgent;
import jp.madoguchi.demo.DemoCard;
import jp.madoguchi.demo.config.DemoFactory;
import org.jdbi.v3.core.Jdbi;

/**
 * 二台のサーバーでの来庁のベンチマーク (docs/benchmarks.md): two servers on one embedded PostgreSQL with the production
 * settings (durable commits, password logins, the system's own role), behind HAProxy round-robin. {@code kiosks}
 * registered kiosks, each with its own terminal agent and a simulated reader holding another demo citizen's card, open
 * visits as the kiosk page does: a challenge from the server, the agent's sealed reading (PIN and APDUs), 本人確認 on
 * the server, 受付. {@code clerks} counter sessions each take the next visit and run it through 聞き取り, 確認, 印刷
 * (the forms rendered) and 完了, and the back-office export writes each finished visit's CSV. Prints throughput, p50/p99 per step,
 * errors, and the visits lost (answered as done but not so in the database or not exported).
 * Usage: {@code TwoServerVisitBenchmark [kiosks] [clerks] [seconds] [residents]} (default 50, 140, 600, 20,000).
 */
public final class TwoServerVisitBenchmark {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern VISIT = Pattern.compile("name=\"visit\" value=\"([^\"]+)\"");
    private static final Pattern JSON_FIELD = Pattern.compile("\"(challenge|reading)\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PIN = "1234";
    /** A citizen at a kiosk: a new visit every this often per kiosk. */
    private static final long KIOSK_PACE_MS = 5_000;
    /** A clerk between two steps of a visit. */
    private static final long CLERK_PAUSE_MS = 500;

    private static final Map<String, List<Long>> TIMES = new ConcurrentHashMap<>();
    private static final AtomicInteger ERRORS = new AtomicInteger();
    private static final ConcurrentLinkedQueue<String> ERROR_SAMPLES = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        int kiosks = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int clerks = args.length > 1 ? Integer.parseInt(args[1]) : 140;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int residents = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        try (RunningMadoguchi first = RunningMadoguchi.start(Map.of("madoguchi.database.url", "",
                "madoguchi.demo.residents", residents, "madoguchi.linkage.polling", false));
             RunningMadoguchi second = RunningMadoguchi.start(Map.of("madoguchi.database.url", "",
                     "madoguchi.data-dir", first.dataDir().toString(), "madoguchi.demo.residents", residents,
                     "madoguchi.linkage.polling", false, "madoguchi.terminal-agent.embedded", false));
             LoadBalancer balancer = LoadBalancer.start(LoadBalancer.freePort(), List.of(first, second))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
            Jdbi jdbi = first.bean(Jdbi.class);
            StaffLogin.Session admin = StaffLogin.overHttp(http, balancer, "admin");
            List<VirtualMyNumberCard> cards = DemoCard.cards(first.bean(DemoFactory.DemoPopulation.class).settings(), PIN, kiosks);
            List<CardKiosk> kioskSessions = new ArrayList<>();
            for (int k = 1; k <= kiosks; k++) {
                String id = String.format("KIOSK-%03d", k);
                String token = KioskRegistration.pair(http, balancer, admin, id, "ベンチマークの記載台 " + k);
                TerminalAgent agent = TerminalAgent.start(new TerminalAgent.Settings(id, token, Set.of(balancer.url("")), 0),
                        new TextApCardReader(new SimulatedCardTerminal(cards.get(k - 1))), Clock.systemUTC());
                kioskSessions.add(new CardKiosk(id, KioskRegistration.register(http, balancer, id, token), agent));
            }
            List<StaffLogin.Session> clerkSessions = new ArrayList<>();
            for (int c = 0; c < clerks; c++) {
                clerkSessions.add(StaffLogin.overHttp(http, balancer, "clerk"));
            }
            System.out.printf("two servers up with %,d residents; %d kiosks registered, %d clerks logged in%n",
                    residents, kiosks, clerks);

            // the first minute is the JIT's: run it, then forget its times
            run(http, balancer, kioskSessions, clerkSessions, Math.min(60, seconds));
            TIMES.clear();
            ERRORS.set(0);
            ERROR_SAMPLES.clear();
            long started = System.nanoTime();
            List<String> completed = run(http, balancer, kioskSessions, clerkSessions, seconds);
            double elapsed = (System.nanoTime() - started) / 1e9;

            System.out.printf("%d kiosks, %d clerks, %d s: %,d visits completed (%.2f/s, %,.0f an hour), %d errors%n",
                    kiosks, clerks, seconds, completed.size(), completed.size() / elapsed, completed.size() / elapsed * 3600,
                    ERRORS.get());
            ERROR_SAMPLES.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
            for (String step : List.of("kiosk visit", "  challenge", "  card read", "  identify", "  receive",
                    "open visit", "hearing", "confirm", "print", "complete")) {
                long[] sorted = TIMES.getOrDefault(step, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("  %-12s %,7d requests  p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms%n", step, sorted.length,
                        quantile(sorted, 0.5), quantile(sorted, 0.99), quantile(sorted, 1.0));
            }
            System.out.printf("lost: %d not completed in the database, %d not exported (after waiting for the export)%n",
                    notCompleted(jdbi, completed), notExported(first.exportFolder(), completed));
            kioskSessions.forEach(k -> k.agent().close());
        }
        System.exit(0);
    }

    /** One round of {@code seconds}; returns the visits whose 完了 was answered. */
    private static List<String> run(HttpClient http, LoadBalancer balancer, List<CardKiosk> kiosks,
                                    List<StaffLogin.Session> clerks, int seconds) throws InterruptedException {
        BlockingQueue<String> waiting = new LinkedBlockingQueue<>();
        List<String> completed = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean open = new AtomicBoolean(true);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < kiosks.size(); k++) {
            CardKiosk kiosk = kiosks.get(k);
            long offset = k * KIOSK_PACE_MS / kiosks.size();
            threads.add(started("kiosk-" + k, () -> {
                sleep(offset);
                while (System.nanoTime() < end) {
                    long due = System.nanoTime() + KIOSK_PACE_MS * 1_000_000L;
                    String number = timed("kiosk visit", () -> cardVisit(http, balancer, kiosk));
                    if (number != null) {
                        waiting.add(number);
                    }
                    sleep((due - System.nanoTime()) / 1_000_000);
                }
            }));
        }
        for (int c = 0; c < clerks.size(); c++) {
            StaffLogin.Session clerk = clerks.get(c);
            threads.add(started("clerk-" + c, () -> {
                while (open.get() || !waiting.isEmpty()) {
                    String number;
                    try {
                        number = waiting.poll(200, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (number != null && serve(http, balancer, clerk, number)) {
                        completed.add(number);
                    }
                }
            }));
        }
        for (int k = 0; k < kiosks.size(); k++) {
            threads.get(k).join();
        }
        open.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return completed;
    }

    /** A kiosk PC: its browser session and the terminal agent beside its card reader. */
    private record CardKiosk(String terminalId, StaffLogin.Session session, TerminalAgent agent) {
    }

    /**
     * A citizen at the kiosk, as its page does it: the server's challenge for this kiosk's agent, the agent reading
     * the card with the PIN and sealing the reading, 本人確認 on the server, then 受付. The new reception's number.
     */
    private static String cardVisit(HttpClient http, LoadBalancer balancer, CardKiosk kiosk) {
        String procedure = "procedure=RESIDENT_CERTIFICATE&terminal=" + kiosk.terminalId();
        String challenge = timed("  challenge", () -> field(KioskRegistration.post(http, balancer,
                "/kiosk/identify/challenge", kiosk.session(), procedure), "challenge"));
        if (challenge == null) {
            return null;
        }
        String reading = timed("  card read", () -> field(http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + kiosk.agent().port() + "/v1/card/read"))
                .header("Origin", balancer.url(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("pin=" + PIN + "&challenge=" + enc(challenge)))
                .build(), HttpResponse.BodyHandlers.ofString()), "reading"));
        if (reading == null) {
            return null;
        }
        String visit = timed("  identify", () -> {
            HttpResponse<String> page = KioskRegistration.post(http, balancer, "/kiosk/identify", kiosk.session(),
                    procedure + "&reading=" + enc(reading));
            Matcher m = VISIT.matcher(page.body());
            // an exact match only: the card is of a registered citizen, so anything else is an error
            return page.statusCode() == 200 && !page.body().contains("id=\"needs-check\"") && m.find() ? m.group(1) : null;
        });
        if (visit == null) {
            return null;
        }
        return timed("  receive", () -> {
            HttpResponse<String> slip = KioskRegistration.post(http, balancer, "/kiosk/receptions", kiosk.session(),
                    "visit=" + enc(visit));
            String location = slip.headers().firstValue("Location").orElse("");
            return slip.statusCode() == 303 && location.startsWith("/kiosk/slip/")
                    ? PreEntryVisits.slipNumber(location) : null;
        });
    }

    private static String field(HttpResponse<String> json, String name) {
        Matcher m = JSON_FIELD.matcher(json.body());
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return json.statusCode() == 200 ? m.group(2) : null;
            }
        }
        return null;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One visit at the counter (本人確認 was the card's); whether 完了 was answered. */
    private static boolean serve(HttpClient http, LoadBalancer balancer, StaffLogin.Session clerk, String number) {
        String base = "/staff/receptions/" + number;
        for (String[] step : new String[][] {{"hearing", ""}, {"confirm", ""}, {"print", ""}, {"complete", ""}}) {
            String version = timed("open visit", () -> {
                HttpResponse<String> page = KioskRegistration.get(http, balancer, base, clerk);
                Matcher m = VERSION.matcher(page.body());
                return page.statusCode() == 200 && m.find() ? m.group(1) : null;
            });
            if (version == null) {
                return false;
            }
            Boolean done = timed(step[0], () -> {
                HttpResponse<String> answer = KioskRegistration.post(http, balancer, base + "/" + step[0], clerk,
                        "version=" + version + step[1]);
                return answer.statusCode() == 303 && !answer.headers().firstValue("Location").orElse("").contains("error") ? true : null;
            });
            if (done == null) {
                return false;
            }
            sleep(CLERK_PAUSE_MS);
        }
        return true;
    }

    private interface Step<T> {
        T call() throws Exception;
    }

    /** Times one request; null (and an error counted) when it failed. */
    private static <T> T timed(String step, Step<T> request) {
        long start = System.nanoTime();
        T result;
        try {
            result = request.call();
        } catch (Exception e) {
            result = null;
            ERROR_SAMPLES.add(step + ": " + e);
        }
        TIMES.computeIfAbsent(step, s -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
        if (result == null) {
            ERRORS.incrementAndGet();
            ERROR_SAMPLES.add(step + ": no answer as expected");
        }
        return result;
    }

    private static long notCompleted(Jdbi jdbi, List<String> completed) {
        if (completed.isEmpty()) {
            return 0;
        }
        long done = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM reception WHERE state = 'COMPLETED' AND number IN (<n>)")
                .bindList("n", completed).mapTo(Long.class).one());
        return completed.size() - done;
    }

    private static long notExported(Path folder, List<String> completed) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        long missing;
        do {
            missing = completed.stream().filter(n -> !Files.exists(folder.resolve(
                    "CERTIFICATE_REQUEST_999997-" + n + "-RESIDENT_CERTIFICATE.csv"))).count();
            if (missing > 0) {
                Thread.sleep(1_000);
            }
        } while (missing > 0 && System.nanoTime() < deadline);
        return missing;
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    private static double quantile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TwoServerVisitBenchmark() {
    }
}
