package jp.madoguchi.staff.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.http.HttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.ResidentCandidate;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.domain.enrolment.Enrolments;
import jp.madoguchi.domain.enrolment.InsuranceEnrolment;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Household;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.staff.Permission;
import jp.madoguchi.staff.security.StaffPrincipal;

/** 住民情報の画面: the resident, the household with 続柄, the business statuses, and the 個人番号 masked. */
@Singleton
class ResidentPage {

    private final SearchResidentsUseCase search;
    private final Clock clock;

    ResidentPage(SearchResidentsUseCase search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    /**
     * The resident's page (or a 404 page with a message), with the 個人番号 masked unless {@code individualNumber}
     * holds what a permitted member has just revealed.
     */
    HttpResponse<?> render(Authentication authentication, String number, String individualNumber, String revealError) {
        LocalGovernmentCode city = StaffPrincipal.city(authentication);
        if (!AddresseeNumber.isValid(number)) {
            // not repeated back: what was typed may be a 個人番号 in the wrong field
            return notFound("入力された宛名番号は形式が正しくありません（検査数字を含む数字）。");
        }
        Optional<Resident> found = search.byAddresseeNumber(city, new AddresseeNumber(number), StaffPrincipal.operator(authentication));
        if (found.isEmpty()) {
            return notFound("入力された宛名番号の住民は見つかりません。");
        }
        Resident resident = found.get();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("staffName", StaffPrincipal.displayName(authentication));
        model.put("r", summary(resident, null));
        model.put("mayReveal", StaffPrincipal.may(authentication, Permission.INDIVIDUAL_NUMBER_REVEAL));
        model.put("individualNumber", individualNumber == null ? "" : individualNumber);
        model.put("revealError", revealError);
        List<Map<String, Object>> members = new ArrayList<>();
        search.household(city, resident.householdNumber(), StaffPrincipal.operator(authentication)).map(Household::members).orElse(List.of())
                .forEach(m -> members.add(summary(m, null)));
        model.put("members", members);
        model.put("enrolments", enrolments(search.enrolments(city, resident.addresseeNumber())));
        return revealError.isEmpty() ? HttpResponse.ok(new ModelAndView<>("staff/resident", model))
                : HttpResponse.unprocessableEntity().body(new ModelAndView<>("staff/resident", model));
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

    static Map<String, Object> summary(Resident r, ResidentCandidate candidate) {
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

    private static HttpResponse<?> notFound(String message) {
        return MessagePage.of(io.micronaut.http.HttpStatus.NOT_FOUND, message);
    }
}
