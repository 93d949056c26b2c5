package jp.madoguchi.acceptance.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.adapters.security.TotpOneTimePasswords;

/**
 * Logs a demo member of staff in, as a person would: user ID and password, and for the administrator and the
 * auditor the code their authenticator app would show (from the demo's published secret). A code is good once,
 * so successive logins of one user take the next time step, waiting for it when the allowed drift is used up.
 */
public final class StaffLogin {

    public static final String DEMO_SECOND_FACTOR_SECRET = "MADOGUCHIDEMOTOTPSECRETKEY234567";
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern FIELD_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private StaffLogin() {
    }

    /** Logs {@code user} in in the browser; the browser ends on the member's first page. */
    public static void inBrowser(Browser browser, WebAddress app, String user) {
        browser.go(app.url("/staff/login"));
        browser.type("#username", user);
        browser.type("#password", RunningMadoguchi.DEMO_PASSWORD);
        browser.clickAndLoad("#login");
        if (browser.exists("#code")) {
            browser.type("#password", RunningMadoguchi.DEMO_PASSWORD);
            browser.type("#code", nextCode(app, user));
            browser.clickAndLoad("#login");
        }
    }

    /** The code the demo authenticator shows for a step this user has not used yet (see the class comment). */
    public static synchronized String nextCode(WebAddress app, String user) {
        String key = app.url("") + "|" + user;
        while (true) {
            long now = Instant.now().getEpochSecond() / 30;
            long last = LAST_STEP.getOrDefault(key, 0L);
            // the current step first (not the previous one): a code taken at the end of a step must still be
            // accepted when the server checks it in the next one
            long step = Math.max(now, last + 1);
            if (step <= now + 1) {
                LAST_STEP.put(key, step);
                return TotpOneTimePasswords.codeAt(DEMO_SECOND_FACTOR_SECRET, Instant.ofEpochSecond(step * 30));
            }
            sleep(1_000);
        }
    }

    /** A logged-in HTTP session: the cookies to send and the CSRF token its forms carry. */
    public record Session(String cookies, String csrfToken) {
    }

    /** Logs {@code user} in over plain HTTP (for tests and benchmarks that do not need a browser). */
    public static Session overHttp(HttpClient http, WebAddress app, String user) {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(app.url("/staff/login"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String csrfCookie = cookie(page, "MADOGUCHI_CSRF");
            String token = token(page.body());
            String form = "_csrf=" + enc(token) + "&username=" + enc(user) + "&password=" + enc(RunningMadoguchi.DEMO_PASSWORD);
            HttpResponse<String> answer = post(http, app, csrfCookie, form);
            if (answer.statusCode() == 200 && answer.body().contains("id=\"code\"")) {
                answer = post(http, app, csrfCookie, form + "&code=" + nextCode(app, user));
            }
            if (answer.statusCode() != 303) {
                throw new IllegalStateException("ログインできません: " + answer.statusCode());
            }
            String cookies = "JWT=" + cookie(answer, "JWT") + "; MADOGUCHI_CSRF=" + cookie(answer, "MADOGUCHI_CSRF");
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(app.url("/staff/login")))
                    .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
            return new Session(cookies, token(home.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(HttpClient http, WebAddress app, String csrfCookie, String form)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(app.url("/staff/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "MADOGUCHI_CSRF=" + csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token in a page (its meta tag or a form field). */
    public static String token(String html) {
        Matcher meta = META_TOKEN.matcher(html);
        if (meta.find()) {
            return meta.group(1);
        }
        Matcher field = FIELD_TOKEN.matcher(html);
        if (field.find()) {
            return field.group(1);
        }
        throw new IllegalStateException("CSRF トークンがページにありません");
    }

    public static String cookie(HttpResponse<?> response, String name) {
        List<String> cookies = new ArrayList<>(response.headers().allValues("set-cookie"));
        return cookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1).split(";")[0])
                .findFirst().orElseThrow(() -> new IllegalStateException("クッキー " + name + " がありません"));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
