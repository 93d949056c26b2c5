package jp.madoguchi.staff.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.ResidentCandidate;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.application.port.in.SearchResidentsUseCase.FourItems;
import jp.madoguchi.application.port.in.SearchResidentsUseCase.KanaMatch;
import jp.madoguchi.domain.enrolment.Enrolments;
import jp.madoguchi.domain.enrolment.InsuranceEnrolment;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Household;
import jp.madoguchi.domain.resident.Resident;
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
    private final java.time.Clock clock;

    public ResidentSearchController(SearchResidentsUseCase search, java.time.Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @Get("/staff/residents{?number,kana,match,born,name,address,sex}")
    @View("staff/residents")
    @Header(name = "Cache-Control", value = "no-store")
    public Map<String, Object> page(Authentication authentication, Optional<String> number, Optional<String> kana,
                                    Optional<String> match, Optional<String> born, Optional<String> name,
                                    Optional<String> address, Optional<String> sex) {
        LocalGovernmentCode city = StaffPrincipal.city(authentication);
        Operator by = StaffPrincipal.operator(authentication);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("staffName", StaffPrincipal.displayName(authentication));
        model.put("q", Map.of("number", number.orElse(""), "kana", kana.orElse(""), "match", match.orElse("prefix"),
                "born", born.orElse(""), "name", name.orElse(""), "address", address.orElse(""), "sex", sex.orElse("")));
        List<Map<String, Object>> results = new ArrayList<>();
        String error = null;
        boolean searched = true;
        try {
            if (number.filter(s -> !s.isBlank()).isPresent()) {
                search.byAddresseeNumber(city, new AddresseeNumber(number.get().strip()), by)
                        .ifPresent(r -> results.add(summary(r, null)));
            } else if (name.filter(s -> !s.isBlank()).isPresent()) {
                FourItems items = new FourItems(name.get(), address.orElse(""), date(born.orElse("")),
                        sex.filter(s -> !s.isBlank()).map(Sex::fromCode).orElse(null));
                for (ResidentCandidate candidate : search.byFourItems(city, items, by)) {
                    results.add(summary(candidate.resident(), candidate));
                }
            } else if (kana.filter(s -> !s.isBlank()).isPresent()) {
                search.byKana(city, kana.get(), "partial".equals(match.orElse("")) ? KanaMatch.PARTIAL : KanaMatch.PREFIX, by)
                        .forEach(r -> results.add(summary(r, null)));
            } else if (born.filter(s -> !s.isBlank()).isPresent()) {
                search.byBirthDate(city, date(born.get()), by).forEach(r -> results.add(summary(r, null)));
            } else {
                searched = false;
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            error = e instanceof DateTimeParseException ? "生年月日は 1985-04-01 の形で入力してください" : e.getMessage();
        }
        model.put("searched", searched);
        model.put("error", error == null ? "" : error);
        model.put("results", results);
        model.put("rows", ResidentRows.html(results));
        model.put("scored", !results.isEmpty() && !results.get(0).get("score").toString().isEmpty());
        model.put("limited", results.size() >= SearchResidentsUseCase.LIMIT);
        model.put("limit", SearchResidentsUseCase.LIMIT);
        return model;
    }

    /** Type-ahead: {@code ?kana=…&match=prefix|partial}; names, kana and 宛名番号 only. */
    @Get("/staff/api/residents{?kana,match}")
    @Header(name = "Cache-Control", value = "no-store")
    public List<Map<String, Object>> api(Authentication authentication, Optional<String> kana, Optional<String> match) {
        return search.byKana(StaffPrincipal.city(authentication), kana.orElse(""),
                        "partial".equals(match.orElse("")) ? KanaMatch.PARTIAL : KanaMatch.PREFIX,
                        StaffPrincipal.operator(authentication)).stream()
                .map(r -> Map.<String, Object>of("addresseeNumber", r.addresseeNumber().value(), "name", r.name().name(),
                        "kana", r.name().nameKana() == null ? "" : r.name().nameKana(),
                        "status", r.status().label()))
                .toList();
    }

    private static HttpResponse<?> notFound(String message) {
        return HttpResponse.notFound(new ModelAndView<>("staff/error", Map.of("message", message)));
    }

    // no @View here: it would override the error page's view and render staff/resident without its model, which
    // failed while the body was being written and left the request hanging (found by the endpoint × role walk)
    @Get("/staff/residents/{number}")
    @Header(name = "Cache-Control", value = "no-store")
    public HttpResponse<?> resident(Authentication authentication, String number) {
        LocalGovernmentCode city = StaffPrincipal.city(authentication);
        if (!AddresseeNumber.isValid(number)) {
            return notFound("宛名番号「" + number + "」は形式が正しくありません（検査数字を含む数字）。");
        }
        Optional<Resident> found = search.byAddresseeNumber(city, new AddresseeNumber(number), StaffPrincipal.operator(authentication));
        if (found.isEmpty()) {
            return notFound("宛名番号「" + number + "」の住民は見つかりません。");
        }
        Resident resident = found.get();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("staffName", StaffPrincipal.displayName(authentication));
        model.put("r", summary(resident, null));
        List<Map<String, Object>> members = new ArrayList<>();
        search.household(city, resident.householdNumber(), StaffPrincipal.operator(authentication)).map(Household::members).orElse(List.of())
                .forEach(m -> members.add(summary(m, null)));
        model.put("members", members);
        model.put("enrolments", enrolments(search.enrolments(city, resident.addresseeNumber())));
        return HttpResponse.ok(new ModelAndView<>("staff/resident", model));
    }

    private List<Map<String, String>> enrolments(Enrolments e) {
        LocalDate today = LocalDate.now(clock);
        List<Map<String, String>> rows = new ArrayList<>();
        for (InsuranceEnrolment.Scheme scheme : InsuranceEnrolment.Scheme.values()) {
            rows.add(Map.of("name", scheme.label(), "value", e.insurances().stream().filter(i -> i.scheme() == scheme)
                    .findFirst().map(i -> (i.activeOn(today) ? "加入" : "喪失") + "（取得 " + orDash(i.acquiredOn())
                            + (i.lostOn() == null ? "" : "・喪失 " + i.lostOn()) + (i.detail() == null ? "" : "・" + i.detail()) + "）")
                    .orElse("なし")));
        }
        rows.add(Map.of("name", "国民年金", "value", e.pensionEnrolment()
                .map(p -> p.category().label() + (p.activeOn(today) ? "" : "（喪失）")).orElse("なし")));
        rows.add(Map.of("name", "児童手当", "value", e.childAllowances().isEmpty() ? "なし"
                : e.childAllowances().stream().map(a -> (a.recipient().equals(e.resident()) ? "受給者（児童 " + a.child() + "）"
                : "対象児童（受給者 " + a.recipient() + "）") + " " + (a.from() == null ? "" : a.from() + "〜")).reduce((x, y) -> x + "、" + y).orElse("")));
        rows.add(Map.of("name", "個人番号カード", "value", e.cardStatus().map(c -> c.cardIssued()
                ? "交付済（有効期限 " + orDash(c.cardExpires()) + (c.cardValidOn(today) ? "" : "・期限切れ") + "）" : "未交付").orElse("情報なし")));
        rows.add(Map.of("name", "印鑑登録", "value", e.cardStatus().map(c -> c.sealRegistered()
                ? "登録済（" + (c.sealRegistrationNumber() == null ? "" : c.sealRegistrationNumber()) + "）" : "なし").orElse("情報なし")));
        return rows;
    }

    private static String orDash(LocalDate date) {
        return date == null ? "—" : date.toString();
    }

    private static Map<String, Object> summary(Resident r, ResidentCandidate candidate) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", r.addresseeNumber().value());
        row.put("name", r.name().name());
        row.put("kana", r.name().nameKana() == null ? "" : r.name().nameKana());
        row.put("alias", r.name().alias() == null ? "" : r.name().alias());
        row.put("born", r.birthDate().format());
        row.put("sex", r.sex().label());
        row.put("relationship", r.relationship().label());
        row.put("address", r.address().fullText());
        row.put("status", r.status().label());
        row.put("removed", r.status().isRemoved());
        row.put("household", r.householdNumber().value());
        row.put("score", candidate == null ? "" : String.valueOf(candidate.score()));
        row.put("exact", candidate != null && candidate.exact());
        return row;
    }

    private static LocalDate date(String text) {
        return text.isBlank() ? null : LocalDate.parse(text.strip());
    }
}
