package jp.madoguchi.staff.security;

import java.util.Map;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

/** Puts the browser's CSRF token into every page model as {@code csrfToken}, for the forms' hidden field. */
@Singleton
public class CsrfViewModelProcessor implements ViewModelProcessor<Object> {

    private final CsrfTokens tokens;

    public CsrfViewModelProcessor(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Object> modelAndView) {
        request.getAttribute(CsrfFilter.BROWSER_VALUE, String.class).ifPresent(value -> {
            // a typed page record, or an immutable Map.of(...)
            Map<String, Object> model = PageModels.mutable(modelAndView.getModel().orElse(null));
            model.put("csrfToken", tokens.tokenFor(value));
            model.put("csrfField", CsrfTokens.FIELD);
            modelAndView.setModel(model);
        });
    }
}
