package jp.madoguchi.staff.security;

import java.util.HashMap;
import java.util.Map;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

/** Puts the browser's CSRF token into every page model as {@code csrfToken}, for the forms' hidden field. */
@Singleton
public class CsrfViewModelProcessor implements ViewModelProcessor<Map<String, Object>> {

    private final CsrfTokens tokens;

    public CsrfViewModelProcessor(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        request.getAttribute(CsrfFilter.BROWSER_VALUE, String.class).ifPresent(value -> {
            // controllers may hand over an immutable Map.of(...)
            Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElse(Map.of()));
            model.put("csrfToken", tokens.tokenFor(value));
            model.put("csrfField", CsrfTokens.FIELD);
            modelAndView.setModel(model);
        });
    }
}
