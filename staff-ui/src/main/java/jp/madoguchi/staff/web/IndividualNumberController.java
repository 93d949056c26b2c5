package jp.madoguchi.staff.web;

import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jp.madoguchi.application.port.in.ScreenMessage;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.staff.security.Permissions;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * 個人番号の表示, a controller of its own so that its one permission is the only rule on it (a method rule under a
 * class rule would let either permission in).
 */
@Controller
@Secured({Permissions.INDIVIDUAL_NUMBER_REVEAL})
@Requires(property = "madoguchi.staff.enabled", notEquals = "false")
public class IndividualNumberController {

    /** The reveal form: the purpose the member states (required by the use case). */
    @Serdeable
    public record RevealForm(@Nullable String purpose) {
    }


    private final SearchResidentsUseCase search;
    private final ResidentPage residentPage;

    public IndividualNumberController(SearchResidentsUseCase search, ResidentPage residentPage) {
        this.search = search;
        this.residentPage = residentPage;
    }

    /**
     * 個人番号の表示: only for a role with the permission, with a purpose, recorded in the access history. The number
     * is shown on this one answer (never cached); reloading the page masks it again.
     */
    @Post(value = "/staff/residents/{number}/individual-number", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Header(name = "Cache-Control", value = "no-store")
    public HttpResponse<?> revealIndividualNumber(Authentication authentication, String number,
                                                  @Body RevealForm form) {
        if (!AddresseeNumber.isValid(number)) {
            return residentPage.render(authentication, number, null, "");
        }
        try {
            Optional<IndividualNumber> revealed = search.revealIndividualNumber(StaffPrincipal.city(authentication),
                    new AddresseeNumber(number), StaffPrincipal.operator(authentication), form.purpose() == null ? "" : form.purpose());
            return residentPage.render(authentication, number, revealed.map(IndividualNumberController::grouped)
                    .orElse("（登録されていません）"), "");
        } catch (IllegalArgumentException e) {
            return residentPage.render(authentication, number, null, ScreenMessage.of(e));
        }
    }

    /** 1234 5678 9012, as printed on the card. */
    private static String grouped(IndividualNumber number) {
        String digits = number.reveal();
        return digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8);
    }
}
