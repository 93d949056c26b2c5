package jp.madoguchi.kiosk.language;

import java.util.Locale;
import java.util.Optional;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import jp.madoguchi.domain.language.Language;

/**
 * Which language a page speaks. Staff pages are Japanese. A citizen's page speaks, in this order: the visit's
 * language when the page shows a visit (the tablet, {@link #VISIT_LANGUAGE}), the language chosen on this screen
 * (the {@value #COOKIE} cookie, cleared when the kiosk starts over), on a phone the browser's own language when
 * Madoguchi has it, and otherwise Japanese. A kiosk never follows its browser's settings: whoever stands there
 * chooses.
 */
@Singleton
public class CitizenLanguageResolver implements HttpLocaleResolver, Ordered {

    public static final String COOKIE = "madoguchi-lang";
    /** A request attribute a controller sets to the {@link Language} of the visit its page shows. */
    public static final String VISIT_LANGUAGE = "madoguchi.visit-language";

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(language(request).locale());
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return language(request).locale();
    }

    public static Language language(HttpRequest<?> request) {
        String path = request.getPath();
        if (!path.startsWith("/kiosk")) {
            return Language.JAPANESE;
        }
        Optional<Language> visit = request.getAttribute(VISIT_LANGUAGE, Language.class);
        if (visit.isPresent()) {
            return visit.get();
        }
        Optional<Language> chosen = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(Language::of);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (path.startsWith("/kiosk/pre-entry") && !path.startsWith("/kiosk/pre-entry/scan")) {
            return browserLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
        }
        return Language.JAPANESE;
    }

    /** The first of the browser's languages Madoguchi speaks ({@code vi-VN,vi;q=0.9,en;q=0.8} → Tiếng Việt). */
    static Language browserLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.JAPANESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                Optional<Language> known = Language.of(Locale.forLanguageTag(range.getRange()));
                if (known.isPresent()) {
                    return known.get();
                }
            }
        } catch (IllegalArgumentException e) {
            // a header no browser sends: the page stays Japanese
        }
        return Language.JAPANESE;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
