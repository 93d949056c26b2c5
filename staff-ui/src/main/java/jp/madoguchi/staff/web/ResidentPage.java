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
import io.micronaut.core.annotation.Introspected;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase.ResidentCandidate;
import jp.madoguchi.application.port.in.RevealIndividualNumberUseCase;
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
    private final RevealIndividualNumberUseCase reveal;
    private final Clock clock;

    ResidentPage(SearchResidentsUseCase search, RevealIndividualNumberUseCase reveal, Clock clock) {
        this.search = search;
        this.reveal = reveal;
        this.clock = clock;
    }

    /** What the reveal form had: the purpose and 受付番号 typed, and whether the authenticator's code is asked. */
    record RevealTyped(String purpose, String reception, boolean askCode) {
        static final RevealTyped NOTHING = new RevealTyped("", "", false);
    }

    HttpResponse<?> render(Authentication authentication, String number, String individualNumber, String revealError) {
        return render(authentication, number, individualNumber, revealError, RevealTyped.NOTHING);
    }

    /**
     * The resident's page (or a 404 page with a message), with the 個人番号 masked unless {@code individualNumber}
     * holds what a permitted member has just revealed.
     */
    HttpResponse<?> render(Authentication authentication, String number, String individualNumber, String revealError,
                           RevealTyped typed) {
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
        ResidentDetailPage page = new ResidentDetailPage(StaffPrincipal.displayName(authentication),
                ResidentSummary.of(resident, null), StaffPrincipal.may(authentication, Permission.INDIVIDUAL_NUMBER_REVEAL),
                individualNumber == null ? "" : individualNumber, revealError,
                search.household(city, resident.householdNumber(), StaffPrincipal.operator(authentication))
                        .map(Household::members).orElse(List.of()).stream().map(m -> ResidentSummary.of(m, null)).toList(),
                enrolments(search.enrolments(city, resident.addresseeNumber())), reveal.purposes(), typed.purpose(),
                typed.reception(), typed.askCode());
        return revealError.isEmpty() ? HttpResponse.ok(new ModelAndView<>("staff/resident", page))
                : HttpResponse.unprocessableEntity().body(new ModelAndView<>("staff/resident", page));
    }

    /** 住民の詳細: the resident, the household, the enrolments; the 個人番号 only as just revealed. */
    @Introspected
    public record ResidentDetailPage(String staffName, ResidentSummary r, boolean mayReveal, String individualNumber,
                                     String revealError, List<ResidentSummary> members, List<EnrolmentRow> enrolments,
                                     List<String> purposes, String purpose, String reception, boolean askCode) {
    }

    public record EnrolmentRow(String name, String value) {
    }

    private List<EnrolmentRow> enrolments(Enrolments e) {
        LocalDate today = LocalDate.now(clock);
        List<EnrolmentRow> rows = new ArrayList<>();
        for (InsuranceEnrolment.Scheme scheme : InsuranceEnrolment.Scheme.values()) {
            rows.add(new EnrolmentRow(scheme.label(), e.insurances().stream().filter(i -> i.scheme() == scheme)
                    .findFirst().map(i -> (i.activeOn(today) ? "加入" : "喪失") + "（取得 " + orDash(i.acquiredOn())
                            + (i.lostOn() == null ? "" : "・喪失 " + i.lostOn()) + (i.detail() == null ? "" : "・" + i.detail()) + "）")
                    .orElse("なし")));
        }
        rows.add(new EnrolmentRow("国民年金", e.pensionEnrolment()
                .map(p -> p.category().label() + (p.activeOn(today) ? "" : "（喪失）")).orElse("なし")));
        rows.add(new EnrolmentRow("児童手当", e.childAllowances().isEmpty() ? "なし"
                : e.childAllowances().stream().map(a -> (a.recipient().equals(e.resident()) ? "受給者（児童 " + a.child() + "）"
                : "対象児童（受給者 " + a.recipient() + "）") + " " + (a.from() == null ? "" : a.from() + "〜")).reduce((x, y) -> x + "、" + y).orElse("")));
        rows.add(new EnrolmentRow("個人番号カード", e.cardStatus().map(c -> c.cardIssued()
                ? "交付済（有効期限 " + orDash(c.cardExpires()) + (c.cardValidOn(today) ? "" : "・期限切れ") + "）" : "未交付").orElse("情報なし")));
        rows.add(new EnrolmentRow("印鑑登録", e.cardStatus().map(c -> c.sealRegistered()
                ? "登録済（" + (c.sealRegistrationNumber() == null ? "" : c.sealRegistrationNumber()) + "）" : "なし").orElse("情報なし")));
        return rows;
    }

    private static String orDash(LocalDate date) {
        return date == null ? "—" : date.toString();
    }

    private static HttpResponse<?> notFound(String message) {
        return MessagePage.of(io.micronaut.http.HttpStatus.NOT_FOUND, message);
    }
}
