package jp.madoguchi.adapters.devices.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.application.port.out.MyNumberCardReader;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.domain.identity.CardPin;

/**
 * 端末エージェント: runs on the kiosk or counter PC next to the card reader and lends it to the Madoguchi page in that
 * PC's browser — and to nothing else.
 *
 * <ul>
 *   <li>It listens on the loopback address only, and answers only when the Host header names loopback (a web page
 *   elsewhere cannot reach it through DNS rebinding).</li>
 *   <li>It answers only pages from the Madoguchi server's origin (CORS with an exact origin list, no wildcard).</li>
 *   <li>It reads a card only for a challenge the server sealed with this terminal's pairing key, and seals the
 *   reading with the same key: the page carries it to the server but can neither read nor forge it. The 個人番号 is
 *   read only when the challenge allows it.</li>
 *   <li>The PIN comes from the page to the agent over loopback and goes only to the card. It is never logged, kept
 *   or sent on.</li>
 * </ul>
 * Requests are served one at a time: the reader is held exclusively during a read anyway.
 */
public final class TerminalAgent implements AutoCloseable {

    public static final int DEFAULT_PORT = 47110;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final int MAX_BODY = 8 * 1024;
    private static final String NOT_PAIRED = "この端末はサーバーに登録されていないか、登録し直されています。"
            + "職員にお声がけください（管理者が端末の登録とペアリングトークンを確認します）。";

    /**
     * @param allowedOrigins the Madoguchi server as the browser names it, e.g. {@code https://madoguchi.city.example}
     * @param port           0 picks a free port
     * @param scanFolder     where the flatbed scanner or document camera saves its images ("scan to folder"), or
     *                       {@code null} when this PC has none
     */
    public record Settings(String terminalId, String pairingToken, Set<String> allowedOrigins, int port, Path scanFolder) {

        public Settings(String terminalId, String pairingToken, Set<String> allowedOrigins, int port) {
            this(terminalId, pairingToken, allowedOrigins, port, null);
        }

        public Settings {
            allowedOrigins = Set.copyOf(allowedOrigins);
            if (allowedOrigins.isEmpty()) {
                throw new IllegalArgumentException("端末エージェントに接続を許すサーバー（オリジン）を指定してください");
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final MyNumberCardReader reader;
    private final TerminalSeal seal;
    private final Set<String> allowedOrigins;
    private final Clock clock;
    private final ScanFolder scanner;

    private TerminalAgent(HttpServer server, ExecutorService executor, MyNumberCardReader reader, TerminalSeal seal,
                          Set<String> allowedOrigins, Clock clock, ScanFolder scanner) {
        this.server = server;
        this.executor = executor;
        this.reader = reader;
        this.seal = seal;
        this.allowedOrigins = allowedOrigins;
        this.clock = clock;
        this.scanner = scanner;
    }

    public static TerminalAgent start(Settings settings, MyNumberCardReader reader, Clock clock) {
        return start(settings, reader, null, clock);
    }

    /** @param codes decodes the scanner's images; {@code null} when the PC has no scanner */
    public static TerminalAgent start(Settings settings, MyNumberCardReader reader, TwoDimensionalCodes codes, Clock clock) {
        TerminalSeal seal = TerminalSeal.fromToken(settings.pairingToken(), JdbiPairedTerminals.requireTerminalId(settings.terminalId()));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 16);
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "terminal-agent");
                t.setDaemon(true);
                return t;
            });
            ScanFolder scanner = settings.scanFolder() == null || codes == null ? null
                    : new ScanFolder(settings.scanFolder(), codes, clock);
            TerminalAgent agent = new TerminalAgent(server, executor, reader, seal, settings.allowedOrigins(), clock, scanner);
            server.createContext("/", agent::handle);
            server.setExecutor(executor);
            server.start();
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException("端末エージェントをポート " + settings.port() + " で起動できません（別のエージェントが動いていませんか）", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String terminalId() {
        return seal.terminalId();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (!loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                respond(exchange, 403, null, Map.of("ok", false, "message", "端末エージェントへはこのPCからだけ接続できます"));
                return;
            }
            boolean originAllowed = origin != null && allowedOrigins.contains(origin);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            // another site's page never; a tool without an origin may see the status, but a card reading or a
            // scanned certificate is personal data and goes only to the Madoguchi page
            if (origin != null ? !originAllowed : !"/v1/status".equals(path)) {
                respond(exchange, 403, null, Map.of("ok", false, "message", "このページからは端末エージェントを使えません"));
                return;
            }
            String allowOrigin = originAllowed ? origin : null;
            if ("OPTIONS".equals(method)) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
                exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
                // Chromium's Private Network Access: a page on the city network asks before calling loopback
                exchange.getResponseHeaders().set("Access-Control-Allow-Private-Network", "true");
                respond(exchange, 204, allowOrigin, null);
            } else if ("GET".equals(method) && "/v1/status".equals(path)) {
                respond(exchange, 200, allowOrigin, status());
            } else if ("POST".equals(method) && "/v1/card/read".equals(path)) {
                Map<String, String> form = form(exchange.getRequestBody());
                Map<String, Object> result = read(form.get("pin"), form.get("challenge"));
                respond(exchange, result.containsKey("status") ? (int) result.remove("status") : 200, allowOrigin, result);
            } else if ("POST".equals(method) && "/v1/residence-card/read".equals(path)) {
                Map<String, String> form = form(exchange.getRequestBody());
                Map<String, Object> result = readResidenceCard(form.get("number"), form.get("challenge"));
                respond(exchange, result.containsKey("status") ? (int) result.remove("status") : 200, allowOrigin, result);
            } else if ("GET".equals(method) && "/v1/scanner/latest".equals(path)) {
                respond(exchange, 200, allowOrigin, scanner == null
                        ? Map.of("ok", false, "message", "この端末にはスキャナーが設定されていません（--scan-folder）")
                        : scanner.takeLatest());
            } else {
                respond(exchange, 404, allowOrigin, Map.of("ok", false, "message", "ありません: " + path));
            }
        }
    }

    private Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("terminal", seal.terminalId());
        CardReading state = reader.status();
        if (state instanceof CardReading.Ready ready) {
            body.put("ready", true);
            body.put("triesLeft", ready.triesLeft());
        } else if (state instanceof CardReading.Failed failed) {
            body.put("ready", false);
            body.put("reason", failed.reason().name());
            body.put("message", failed.message());
        } else {
            body.put("ready", true);
        }
        return body;
    }

    private Map<String, Object> read(String pinText, String challenge) {
        Map<String, Object> body = new LinkedHashMap<>();
        TerminalMessages.Challenge granted = granted(challenge, body);
        if (granted == null) {
            return body;
        }
        CardPin pin;
        try {
            pin = new CardPin(pinText == null ? "" : pinText.strip());
        } catch (IllegalArgumentException e) {
            body.put("ok", false);
            body.put("reason", "PIN_FORMAT");
            body.put("message", e.getMessage());
            return body;
        }
        CardReading reading = reader.read(pin, granted.individualNumber());
        if (reading instanceof CardReading.Read read) {
            body.put("ok", true);
            body.put("terminal", seal.terminalId());
            body.put("reading", new TerminalMessages.Reading(granted.nonce(), read.face(),
                    granted.individualNumber() ? read.individualNumber() : null).sealWith(seal));
            return body;
        }
        return failed(reading, body);
    }

    /** 在留カード: the number typed on the page opens the chip; the answer says which card and number it was. */
    private Map<String, Object> readResidenceCard(String number, String challenge) {
        Map<String, Object> body = new LinkedHashMap<>();
        TerminalMessages.Challenge granted = granted(challenge, body);
        if (granted == null) {
            return body;
        }
        CardReading reading = reader.readResidenceCard(number);
        if (reading instanceof CardReading.ResidenceCard card) {
            body.put("ok", true);
            body.put("terminal", seal.terminalId());
            body.put("reading", new TerminalMessages.ResidenceCardReading(granted.nonce(), card.cardNumber(), card.kind())
                    .sealWith(seal));
            return body;
        }
        return failed(reading, body);
    }

    /** The server's challenge, opened and in time; null with the refusal in {@code body} otherwise. */
    private TerminalMessages.Challenge granted(String challenge, Map<String, Object> body) {
        TerminalMessages.Challenge granted;
        try {
            granted = TerminalMessages.Challenge.openWith(seal, challenge);
        } catch (TerminalSeal.Untrusted e) {
            body.put("status", 403);
            body.put("ok", false);
            body.put("reason", CardReading.Reason.UNTRUSTED_READING.name());
            body.put("message", NOT_PAIRED);
            return null;
        }
        if (clock.instant().minus(CLOCK_SKEW).getEpochSecond() > granted.expiresEpochSecond()) {
            body.put("ok", false);
            body.put("reason", "EXPIRED");
            body.put("message", "時間が経ったため読み取りをやり直します。画面を最初からやり直してください。");
            return null;
        }
        return granted;
    }

    private static Map<String, Object> failed(CardReading reading, Map<String, Object> body) {
        if (reading instanceof CardReading.Failed failed) {
            body.put("ok", false);
            body.put("reason", failed.reason().name());
            body.put("message", failed.message());
            body.put("triesLeft", failed.triesLeft());
        } else {
            body.put("ok", false);
            body.put("reason", CardReading.Reason.UNREADABLE.name());
            body.put("message", "カードを読み取れませんでした。もう一度お試しください。");
        }
        return body;
    }

    private boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        int port = port();
        return List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port).contains(host.toLowerCase());
    }

    private static Map<String, String> form(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        Map<String, String> form = new HashMap<>();
        if (bytes.length > MAX_BODY) {
            return form;
        }
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String allowOrigin, Map<String, Object> body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (allowOrigin != null) {
            headers.set("Access-Control-Allow-Origin", allowOrigin);
            headers.set("Vary", "Origin");
        }
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] json = Json.object(body).getBytes(StandardCharsets.UTF_8);
        headers.set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
