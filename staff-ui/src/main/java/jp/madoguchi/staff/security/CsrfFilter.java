package jp.madoguchi.staff.security;

import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses every state-changing request (POST, PUT, PATCH, DELETE) of the kiosk, the counter and the
 * administration without the token of {@link CsrfTokens}, and gives each browser its cookie on its first page.
 * The refusal is a page that tells the person to reload, not a bare status: the usual cause is a form left open
 * across a login.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CsrfFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(CsrfFilter.class);
    private static final String API = "/api/v1/";

    /** Request attribute: the browser value of this request (the cookie's, or a new one about to be set). */
    static final String BROWSER_VALUE = "madoguchi.csrf.browser-value";
    private static final String NEW_VALUE = "madoguchi.csrf.new";

    private final CsrfTokens tokens;
    private final FilterBodyParser bodies;
    private final HttpHostResolver hosts;

    public CsrfFilter(CsrfTokens tokens, FilterBodyParser bodies, HttpHostResolver hosts,
                      @io.micronaut.context.annotation.Property(name = "madoguchi.security.secure-cookies",
                              defaultValue = "false") boolean secureCookies) {
        this.tokens = tokens;
        this.bodies = bodies;
        this.hosts = hosts;
        this.secureCookies = secureCookies;
        // a Secure cookie can carry the __Host- prefix: the browser then refuses it from a sub-domain or over HTTP
        this.cookieName = secureCookies ? "__Host-" + CsrfTokens.COOKIE : CsrfTokens.COOKIE;
    }

    private final boolean secureCookies;
    private final String cookieName;

    /** Every page learns its browser value (for the forms' token); a browser without one gets one. */
    @RequestFilter
    public void assignBrowserValue(HttpRequest<?> request) {
        if (StaticAssets.requested(request)) {
            return;
        }
        Optional<String> cookie = browserCookie(request);
        request.setAttribute(BROWSER_VALUE, cookie.orElseGet(() -> {
            String fresh = tokens.newBrowserValue();
            request.setAttribute(NEW_VALUE, fresh);
            return fresh;
        }));
    }

    /**
     * Only state-changing requests are checked, and only they run on the blocking pool, where this waits for a
     * form's body: Micronaut 4.10 loses the filter context when an asynchronous request filter completes after the
     * body arrives with a browser's Origin header. Pages and searches stay on their own threads.
     */
    @RequestFilter(methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        if (request.getPath().startsWith(API)) {
            // the core systems' API authenticates by a bearer credential, never by a cookie: nothing to forge
            return null;
        }
        Optional<String> cookie = browserCookie(request);
        Optional<String> header = request.getHeaders().findFirst(CsrfTokens.HEADER);
        if (header.isPresent()) {
            return refusalUnless(request, cookie, header.get());
        }
        MediaType type = request.getContentType().orElse(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            // an upload's body is streamed to the controller; its form puts the token into the action URL
            return refusalUnless(request, cookie, request.getParameters().get(CsrfTokens.FIELD));
        }
        Object field = bodies.parseBody(request).join().get(CsrfTokens.FIELD);
        return refusalUnless(request, cookie, field == null ? null : field.toString());
    }

    private Optional<String> browserCookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(cookieName).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** {@code null} (go on) when the token matches the cookie, else the refusal page. */
    private @Nullable HttpResponse<?> refusalUnless(HttpRequest<?> request, Optional<String> cookie, String submitted) {
        if (cookie.isPresent() && tokens.matches(cookie.get(), submitted)) {
            return null;
        }
        // never the values themselves: they are credentials
        LOG.warn("CSRF トークンの合わない送信を拒否しました: {} {}（クッキー{}、トークン{}）", request.getMethod(),
                request.getPath(), cookie.isPresent() ? "あり" : "なし", submitted == null || submitted.isEmpty() ? "なし" : "不一致");
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_HTML_TYPE + ";charset=UTF-8")
                .body(REFUSAL);
    }

    @ResponseFilter
    public void giveCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<Object> fresh = request.getAttribute(NEW_VALUE);
        if (fresh.isPresent() && response.getCookie(cookieName).isEmpty()) {
            response.cookie(cookie(request, fresh.get().toString()));
        }
    }

    /** A new browser value in a cookie, for the login response: the pre-login token must not outlive the login. */
    public Cookie renewedCookie(HttpRequest<?> request) {
        return cookie(request, tokens.newBrowserValue());
    }

    private Cookie cookie(HttpRequest<?> request, String value) {
        return Cookie.of(cookieName, value).path("/").httpOnly(true).sameSite(SameSite.Strict)
                .secure(secureCookies || hosts.resolve(request).startsWith("https:"));
    }

    @Override
    public int getOrder() {
        // after the security filter, so an anonymous request for a protected form is sent to the login first
        return ServerFilterPhase.SECURITY.after();
    }


    private static final String REFUSAL = """
            <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>操作を受け付けられませんでした</title>
            <link rel="stylesheet" href="/staff/assets/staff.css"></head><body><main>
            <h1>操作を受け付けられませんでした</h1>
            <p>画面を開いてから時間がたったか、別の画面でログインし直したため、この送信は安全のため受け付けていません。
            何も変更されていません。前の画面に戻って再読み込みし、もう一度操作してください。</p>
            <p><a href="/staff">窓口のトップへ</a>　<a href="/kiosk">記載台のトップへ</a></p>
            </main></body></html>""";
}
