package jp.madoguchi.kiosk.language;

import java.net.URI;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jp.madoguchi.domain.language.Language;

/**
 * 言語 / Language: the list of languages, each in its own name, and the choice, kept in a cookie of this screen
 * only until the kiosk starts over. After choosing, the citizen is back on the page they came from.
 */
@Controller("/kiosk/language")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "madoguchi.kiosk.enabled", notEquals = "false")
public class LanguageController {

    /**
     * The page {@code kiosk/language}: the languages, where each choice leads back to, and where a choice goes:
     * {@code /kiosk/language/} for this screen, {@code /kiosk/tablet/language/} for the visit the tablet shows.
     */
    @Introspected
    public record LanguagePage(List<Language> choices, String back, String chooseAt) {
    }

    @Get
    public ModelAndView<LanguagePage> choices(@Nullable @QueryValue String back, @Nullable @QueryValue("for") String target) {
        return new ModelAndView<>("kiosk/language", new LanguagePage(List.of(Language.values()), BackPath.of(back),
                "tablet".equals(target) ? "/kiosk/tablet/language/" : "/kiosk/language/"));
    }

    @Get("/{code}")
    public HttpResponse<?> choose(@PathVariable String code, @Nullable @QueryValue String back) {
        String target = BackPath.of(back);
        return Language.of(code)
                .<HttpResponse<?>>map(language -> HttpResponse.seeOther(URI.create(target)).cookie(cookie(language)))
                .orElseGet(() -> HttpResponse.notFound(new ModelAndView<>("kiosk/language",
                        new LanguagePage(List.of(Language.values()), target, "/kiosk/language/"))));
    }

    /** The kiosk starts over in Japanese: the idle reset and 最初の画面へ come here. */
    @Get("/start-over")
    public HttpResponse<?> startOver() {
        return HttpResponse.seeOther(URI.create("/kiosk"))
                .cookie(Cookie.of(CitizenLanguageResolver.COOKIE, "").path("/kiosk").maxAge(0));
    }

    private static Cookie cookie(Language language) {
        return Cookie.of(CitizenLanguageResolver.COOKIE, language.code()).path("/kiosk").httpOnly(true)
                .sameSite(SameSite.Lax);
    }

}
