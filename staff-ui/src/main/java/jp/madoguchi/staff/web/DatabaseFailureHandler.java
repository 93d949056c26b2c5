package jp.madoguchi.staff.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the database is down or restarting, every page says so in one sentence and answers 503 with
 * {@code Retry-After}, instead of a stack trace or a bare 500: the clerk knows to wait, the kiosk shows the citizen
 * to ask a clerk, and a balancer or script knows to try again. Nothing was saved by a request answered so, so nothing
 * is half done. Other database errors get 500 with a plain page; every one is logged as an error (and so alerted).
 */
@Singleton
@Produces
@Requires(classes = JdbiException.class)
public class DatabaseFailureHandler implements ExceptionHandler<JdbiException, HttpResponse<?>> {

    static final String UNAVAILABLE = "ただいまデータベースに接続できません。数秒おいてから、もう一度お試しください。"
            + "この操作は記録されていません。続くときはシステム担当者に連絡してください。";
    static final String UNAVAILABLE_AT_KIOSK = "ただいま受付ができません。しばらくお待ちいただくか、職員にお声がけください。";
    private static final String FAILED = "処理を完了できませんでした。もう一度お試しください。続くときはシステム担当者に連絡してください。";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, JdbiException exception) {
        return respond(request, exception);
    }

    static HttpResponse<?> respond(HttpRequest<?> request, RuntimeException exception) {
        boolean unavailable = connectionLost(exception);
        if (unavailable) {
            LOG.error("データベースに接続できません（{} {}）: {}", request.getMethod(), request.getPath(), rootMessage(exception));
        } else {
            LOG.error("処理に失敗しました（{} {}）", request.getMethod(), request.getPath(), exception);
        }
        HttpStatus status = unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
        String message = !unavailable ? FAILED : request.getPath().startsWith("/kiosk") ? UNAVAILABLE_AT_KIOSK : UNAVAILABLE;
        var response = HttpResponse.status(status);
        if (unavailable) {
            response.header("Retry-After", "5");
        }
        if (request.accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE))) {
            return response.body(new ModelAndView<>("staff/unavailable", Map.of("message", message)));
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of("message", message));
    }

    /**
     * The connection could not be had (the pool timed out) or broke: SQLSTATE class 08 (connection exception) or 57P
     * (the server shut down or is starting).
     */
    static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * The same for a use case's own "could not" ({@link IllegalStateException}), such as an access-history entry
     * that could not be written because the database went away.
     */
    @Singleton
    @Produces
    public static class WrappedHandler implements ExceptionHandler<IllegalStateException, HttpResponse<?>> {

        @Override
        public HttpResponse<?> handle(HttpRequest request, IllegalStateException exception) {
            return respond(request, exception);
        }
    }
}
