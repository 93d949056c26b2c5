package jp.madoguchi.staff.security;

import java.util.Map;
import java.util.Set;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

/**
 * Puts the member's permissions into every page model as {@code can}, so the menu shows a clerk the counter's pages
 * and an auditor the access history, not every page of the system (each page still checks its own permission).
 */
@Singleton
public class NavigationViewModelProcessor implements ViewModelProcessor<Object> {

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Object> modelAndView) {
        request.getUserPrincipal(Authentication.class).ifPresent(authentication -> {
            Map<String, Object> model = PageModels.mutable(modelAndView.getModel().orElse(null));
            model.put("can", Set.copyOf(authentication.getRoles()));
            modelAndView.setModel(model);
        });
    }
}
