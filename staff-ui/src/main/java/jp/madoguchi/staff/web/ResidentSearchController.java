package jp.madoguchi.staff.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.ResidentCandidate;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.application.port.in.SearchResidentsUseCase.FourItems;
import jp.madoguchi.application.port.in.SearchResidentsUseCase.KanaMatch;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.staff.security.StaffPrincipal;
import jp.madoguchi.staff.security.Permissions;

/**
 * 住民検索 for counter staff: by 宛名番号, by フリガナ (前方一致・部分一致), by 生年月日, or by the four items as on a card
 * (ranked candidates); a resident's page shows the household with 続柄 and the business statuses. The JSON
 * endpoint serves type-ahead search. Pages hold personal data and are never cached.
 */
@Controller
@Secured({Permissions.RESIDENT_SEARCH})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class ResidentSearchController {

    private final SearchResidentsUseCase search;
    private final ResidentPage residentPage;

    public ResidentSearchController(SearchResidentsUseCase search, ResidentPage residentPage) {
        this.search = search;
        this.residentPage = residentPage;
    }

    /** The empty search page: terms typed into the address bar are not searched (see {@link #page}). */
    @Get("/staff/residents")
    @View("staff/residents")
    @Header(name = "Cache-Control", value = "no-store")
    public SearchPage empty(Authentication authentication) {
        return new SearchPage(StaffPrincipal.displayName(authentication), new Query("", "", "prefix", "", "", "", ""),
                false, "", List.of(), "", false, false, SearchResidentsUseCase.LIMIT);
    }

    /** 住民検索の条件: posted, never in the URL, which browsers keep in their history and proxies in their logs. */
    @Serdeable
    public record SearchForm(@Nullable String number, @Nullable String kana, @Nullable String match,
                             @Nullable String born, @Nullable String name, @Nullable String address, @Nullable String sex) {
        @Override
        public String toString() {
            // a 個人番号 typed into the wrong field must not reach a log line through a debug statement
            return "SearchForm[…]";
        }
    }

    @Post(value = "/staff/residents", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @View("staff/residents")
    @Header(name = "Cache-Control", value = "no-store")
    public SearchPage page(Authentication authentication, @Body SearchForm form) {
        Optional<String> number = Optional.ofNullable(form.number());
        Optional<String> kana = Optional.ofNullable(form.kana());
        Optional<String> match = Optional.ofNullable(form.match());
        Optional<String> born = Optional.ofNullable(form.born());
        Optional<String> name = Optional.ofNullable(form.name());
        Optional<String> address = Optional.ofNullable(form.address());
        Optional<String> sex = Optional.ofNullable(form.sex());
        LocalGovernmentCode city = StaffPrincipal.city(authentication);
        Operator by = StaffPrincipal.operator(authentication);
        // a malformed 宛名番号 is not typed back into the field: it may be a 個人番号 typed into the wrong one
        Query q = new Query(number.filter(n -> AddresseeNumber.isValid(n.strip())).orElse(""), kana.orElse(""),
                match.orElse("prefix"), born.filter(ResidentSearchController::isDate).orElse(""), name.orElse(""),
                address.orElse(""), sex.orElse(""));
        List<ResidentSummary> results = new ArrayList<>();
        String error = null;
        boolean searched = true;
        try {
            if (number.filter(s -> !s.isBlank()).isPresent()) {
                search.byAddresseeNumber(city, new AddresseeNumber(number.get().strip()), by)
                        .ifPresent(r -> results.add(ResidentSummary.of(r, null)));
            } else if (name.filter(s -> !s.isBlank()).isPresent()) {
                FourItems items = new FourItems(name.get(), address.orElse(""), date(born.orElse("")),
                        sex.filter(s -> !s.isBlank()).map(Sex::fromCode).orElse(null));
                for (ResidentCandidate candidate : search.byFourItems(city, items, by)) {
                    results.add(ResidentSummary.of(candidate.resident(), candidate));
                }
            } else if (kana.filter(s -> !s.isBlank()).isPresent()) {
                search.byKana(city, kana.get(), "partial".equals(match.orElse("")) ? KanaMatch.PARTIAL : KanaMatch.PREFIX, by)
                        .forEach(r -> results.add(ResidentSummary.of(r, null)));
            } else if (born.filter(s -> !s.isBlank()).isPresent()) {
                search.byBirthDate(city, date(born.get()), by).forEach(r -> results.add(ResidentSummary.of(r, null)));
            } else {
                searched = false;
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            error = e instanceof DateTimeParseException ? "生年月日は 1985-04-01 の形で入力してください" : ScreenMessage.of(e);
        }
        return new SearchPage(StaffPrincipal.displayName(authentication), q, searched, error == null ? "" : error,
                results, ResidentRows.html(results), !results.isEmpty() && !results.get(0).score().isEmpty(),
                results.size() >= SearchResidentsUseCase.LIMIT, SearchResidentsUseCase.LIMIT);
    }

    /** 住民検索: what was asked (only what is safe to type back), and the results as pre-escaped rows. */
    @Introspected
    public record SearchPage(String staffName, Query q, boolean searched, String error, List<ResidentSummary> results,
                             String rows, boolean scored, boolean limited, int limit) {
    }

    public record Query(String number, String kana, String match, String born, String name, String address, String sex) {
    }

    /** Type-ahead: posted {@code kana=…&match=prefix|partial} (with the CSRF header); names, kana and 宛名番号 only. */
    @Post(value = "/staff/api/residents", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Header(name = "Cache-Control", value = "no-store")
    public List<Map<String, Object>> api(Authentication authentication, @Body SearchForm form) {
        return search.byKana(StaffPrincipal.city(authentication), form.kana() == null ? "" : form.kana(),
                        "partial".equals(form.match()) ? KanaMatch.PARTIAL : KanaMatch.PREFIX,
                        StaffPrincipal.operator(authentication)).stream()
                .map(r -> Map.<String, Object>of("addresseeNumber", r.addresseeNumber().value(), "name", r.name().name(),
                        "kana", r.name().nameKana() == null ? "" : r.name().nameKana(),
                        "status", r.status().label()))
                .toList();
    }

    // no @View here: it would override the error page's view and render staff/resident without its model, which
    // failed while the body was being written and left the request hanging (found by the endpoint × role walk)
    @Get("/staff/residents/{number}")
    @Header(name = "Cache-Control", value = "no-store")
    public HttpResponse<?> resident(Authentication authentication, String number) {
        return residentPage.render(authentication, number, null, "");
    }

    /** Only a date is typed back into the 生年月日 field (anything else may be a number typed in the wrong place). */
    private static boolean isDate(String text) {
        try {
            date(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static LocalDate date(String text) {
        return text.isBlank() ? null : LocalDate.parse(text.strip());
    }
}
