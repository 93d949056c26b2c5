package jp.madoguchi.acceptance.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers a 記載台 as an administrator does: 端末の登録 pairs the terminal and shows its token once, and the
 * kiosk's browser enters ID and token on /kiosk/device. Over plain HTTP, for tests that need a kiosk session.
 */
public final class KioskRegistration {

    private static final Pattern TOKEN = Pattern.compile("<pre id=\"token\">([^<]+)</pre>");

    private KioskRegistration() {
    }

    /** The pairing token for a newly registered terminal. */
    public static String pair(HttpClient http, WebAddress app, String terminalId, String place) {
        return pair(http, app, StaffLogin.overHttp(http, app, "admin"), terminalId, place);
    }

    /** The same with an administrator already logged in (many terminals at once). */
    public static String pair(HttpClient http, WebAddress app, StaffLogin.Session admin, String terminalId, String place) {
        HttpResponse<String> page = post(http, app, "/admin/terminals/pair", admin,
                "terminalId=" + enc(terminalId) + "&label=" + enc(place));
        Matcher token = TOKEN.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("ペアリングトークンが表示されません: " + page.statusCode());
        }
        return token.group(1);
    }

    /** A browser session of a kiosk registered with {@code token}: its cookies and CSRF token. */
    public static StaffLogin.Session register(HttpClient http, WebAddress app, String terminalId, String token) {
        StaffLogin.Session anonymous = anonymous(http, app);
        HttpResponse<String> answer = post(http, app, "/kiosk/device", anonymous,
                "terminalId=" + enc(terminalId) + "&token=" + enc(token));
        if (answer.statusCode() != 303) {
            throw new IllegalStateException("記載台を登録できません: " + answer.statusCode());
        }
        return new StaffLogin.Session(anonymous.cookies() + "; MADOGUCHI_KIOSK=" + StaffLogin.cookie(answer, "MADOGUCHI_KIOSK"),
                anonymous.csrfToken());
    }

    /** A browser with nothing but its CSRF cookie. */
    public static StaffLogin.Session anonymous(HttpClient http, WebAddress app) {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(app.url("/staff/login"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new StaffLogin.Session("MADOGUCHI_CSRF=" + StaffLogin.cookie(page, "MADOGUCHI_CSRF"), StaffLogin.token(page.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> post(HttpClient http, WebAddress app, String path, StaffLogin.Session session, String form) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Cookie", session.cookies())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(session.csrfToken()) + "&" + form))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(HttpClient http, WebAddress app, String path, StaffLogin.Session session) {
        return get(http, app, path, session, HttpResponse.BodyHandlers.ofString());
    }

    /** A download (a PDF) as bytes. */
    public static HttpResponse<byte[]> getBytes(HttpClient http, WebAddress app, String path, StaffLogin.Session session) {
        return get(http, app, path, session, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> get(HttpClient http, WebAddress app, String path, StaffLogin.Session session,
                                           HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Cookie", session.cookies()).build(), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
