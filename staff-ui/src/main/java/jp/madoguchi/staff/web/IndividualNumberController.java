package jp.madoguchi.staff.web;


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
import jp.madoguchi.application.port.in.RevealIndividualNumberUseCase;
import jp.madoguchi.application.port.in.RevealIndividualNumberUseCase.RevealOutcome;
import jp.madoguchi.application.port.in.RevealIndividualNumberUseCase.RevealRequest;
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

    /** The reveal form: a purpose from the city's list, the open reception, and the code when it is asked. */
    @Serdeable
    public record RevealForm(@Nullable String purpose, @Nullable String reception, @Nullable String code) {
        @Override
        public String toString() {
            return "RevealForm[" + purpose + "]";
        }
    }

    private final RevealIndividualNumberUseCase reveal;
    private final ResidentPage residentPage;

    public IndividualNumberController(RevealIndividualNumberUseCase reveal, ResidentPage residentPage) {
        this.reveal = reveal;
        this.residentPage = residentPage;
    }

    /**
     * 個人番号の表示: only for a role with the permission, for a purpose from the city's list and an open reception,
     * after the second factor when the last is too old, recorded in the access history. The number is shown on this
     * one answer (never cached); reloading the page masks it again.
     */
    @Post(value = "/staff/residents/{number}/individual-number", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Header(name = "Cache-Control", value = "no-store")
    public HttpResponse<?> revealIndividualNumber(Authentication authentication, String number,
                                                  @Body RevealForm form) {
        if (!AddresseeNumber.isValid(number)) {
            return residentPage.render(authentication, number, null, "");
        }
        String purpose = form.purpose() == null ? "" : form.purpose();
        String reception = form.reception() == null ? "" : form.reception().strip();
        try {
            RevealOutcome outcome = reveal.reveal(new RevealRequest(StaffPrincipal.city(authentication),
                    new AddresseeNumber(number), StaffPrincipal.operator(authentication),
                    StaffPrincipal.sessionId(authentication), purpose, reception, form.code()));
            if (outcome instanceof RevealOutcome.SecondFactorRequired ask) {
                return residentPage.render(authentication, number, null, ask.message(),
                        new ResidentPage.RevealTyped(purpose, reception, true));
            }
            return residentPage.render(authentication, number, ((RevealOutcome.Revealed) outcome).number()
                    .map(IndividualNumberController::grouped).orElse("（登録されていません）"), "");
        } catch (IllegalArgumentException e) {
            return residentPage.render(authentication, number, null, ScreenMessage.of(e),
                    new ResidentPage.RevealTyped(purpose, reception, false));
        }
    }

    /** 1234 5678 9012, as printed on the card. */
    private static String grouped(IndividualNumber number) {
        String digits = number.reveal();
        return digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8);
    }
}
