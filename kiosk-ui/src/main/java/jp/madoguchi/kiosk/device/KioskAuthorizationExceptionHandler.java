package jp.madoguchi.kiosk.device;

import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.http.MediaType;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

/**
 * A kiosk page asked for by a browser that is not a registered kiosk gets a kiosk page saying so (with the way to
 * register it), not the staff login; everything else is handled as before.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class KioskAuthorizationExceptionHandler extends DefaultAuthorizationExceptionHandler {

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

    public KioskAuthorizationExceptionHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                                              RedirectConfiguration redirectConfiguration, RedirectService redirectService,
                                              List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                                              @io.micronaut.core.annotation.Nullable PriorToLoginPersistence priorToLoginPersistence,
                                              ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders, priorToLoginPersistence);
        this.views = views;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (request.getPath().startsWith("/kiosk")) {
            // rendered here: a response made by an exception handler does not pass the views filter
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN)
                    .contentType(MediaType.TEXT_HTML_TYPE)
                    .body(views.render("kiosk/unregistered", Map.of(), request));
        }
        return super.handle(request, exception);
    }
}
