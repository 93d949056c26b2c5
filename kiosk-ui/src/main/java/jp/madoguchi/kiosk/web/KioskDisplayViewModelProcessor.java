package jp.madoguchi.kiosk.web;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.beans.BeanMap;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.kiosk.device.KioskDevice;
import jp.madoguchi.kiosk.language.CitizenLanguageResolver;
import jp.madoguchi.kiosk.language.CitizenWordsFactory;
import jp.madoguchi.kiosk.language.Furigana;
import jp.madoguchi.kiosk.language.FuriganaDialect;

/**
 * Puts the kiosk's idle time into every kiosk page as {@code kioskIdleSeconds} (after it, with a warning and a way
 * to go on before, the page clears itself back to the start so the next person sees nothing of the last), and
 * {@code kioskDevice}: whether the page is on a registered kiosk, where 職員を呼ぶ has someone to call (a phone at
 * home does not). And the page's language: {@code language}, {@code languageBack} (the page the language list leads
 * back to: this one when it can be opened again, else the last that can) and, in やさしい日本語, {@code furigana}.
 */
@Singleton
public class KioskDisplayViewModelProcessor implements ViewModelProcessor<Object> {

    private final int idleSeconds;
    private final Furigana furigana;
    private final CitizenWordsFactory words;

    public KioskDisplayViewModelProcessor(@Property(name = "madoguchi.kiosk.idle-seconds", defaultValue = "60") int idleSeconds,
                                          Furigana furigana, CitizenWordsFactory words) {
        this.idleSeconds = idleSeconds;
        this.furigana = furigana;
        this.words = words;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Object> modelAndView) {
        if (!request.getPath().startsWith("/kiosk")) {
            return;
        }
        Map<String, Object> model = mutable(modelAndView.getModel().orElse(null));
        model.put("kioskIdleSeconds", idleSeconds);
        model.put("kioskDevice", request.getUserPrincipal(Authentication.class).flatMap(KioskDevice::of).isPresent());
        Language language = CitizenLanguageResolver.language(request);
        model.put("language", language);
        model.put("languageBack", back(request));
        // on the counter tablet the choice changes the visit's language, which the tablet shows
        model.put("languageFor", request.getPath().startsWith("/kiosk/tablet") ? "tablet" : null);
        model.put("words", words.in(language));
        if (language == Language.EASY_JAPANESE) {
            model.put(FuriganaDialect.VARIABLE, furigana);
        }
        modelAndView.setModel(model);
    }

    /** This page when a GET opens it again; after a POST the page that posted, when it can be opened again. */
    private static String back(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.GET) {
            return request.getUri().toString();
        }
        return request.getHeaders().get(HttpHeaders.REFERER, String.class)
                .map(KioskDisplayViewModelProcessor::pathOf).orElse("/kiosk");
    }

    private static String pathOf(String referer) {
        try {
            URI uri = URI.create(referer);
            return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/kiosk";
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutable(Object model) {
        if (model == null) {
            return new HashMap<>();
        }
        if (model instanceof Map<?, ?> map) {
            return new HashMap<>((Map<String, Object>) map);
        }
        return new HashMap<>(BeanMap.of(model));
    }
}
