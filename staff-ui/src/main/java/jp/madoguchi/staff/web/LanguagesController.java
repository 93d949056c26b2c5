package jp.madoguchi.staff.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.CheckLanguagesUseCase;
import jp.madoguchi.application.port.in.CheckLanguagesUseCase.MissingText;
import jp.madoguchi.domain.language.Language;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 言語ファイルの点検 for administrators: per language, the texts the citizen's screens would show in Japanese for
 * want of a translation, with the key and the file to write it in. A city's own file in the data folder is read
 * again within seconds, so the page shows the effect of an edit on reloading.
 */
@Controller("/admin/languages")
@Secured({Permissions.FORMS})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class LanguagesController {

    private final CheckLanguagesUseCase languages;

    public LanguagesController(CheckLanguagesUseCase languages) {
        this.languages = languages;
    }

    /** The page {@code admin/languages}: every language with its missing texts (none for a complete one). */
    @Introspected
    public record LanguagesPage(String staffName, List<LanguageReport> reports) {
    }

    /** One language: its name, the file a city writes and what it lacks. */
    public record LanguageReport(String code, String name, String cityFile, List<MissingText> missing) {
    }

    @Get
    @View("admin/languages")
    public LanguagesPage report(Authentication authentication) {
        Map<Language, List<MissingText>> byLanguage = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            if (language != Language.JAPANESE) {
                byLanguage.put(language, new java.util.ArrayList<>());
            }
        }
        for (MissingText missing : languages.missing()) {
            byLanguage.get(missing.language()).add(missing);
        }
        return new LanguagesPage(StaffPrincipal.displayName(authentication), byLanguage.entrySet().stream()
                .map(e -> new LanguageReport(e.getKey().code(), e.getKey().ownName(),
                        "messages/citizen_" + e.getKey().code() + ".properties", e.getValue()))
                .toList());
    }
}
