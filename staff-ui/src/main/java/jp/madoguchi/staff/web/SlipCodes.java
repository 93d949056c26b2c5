package jp.madoguchi.staff.web;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.PreEntryUseCase;
import jp.madoguchi.domain.reception.PreEntryCode;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * The text a counter reads from a code, by camera or handheld scanner: a slip's QR names a visit; a pre-entry code
 * on a phone opens one with the procedures chosen at home (used up, as at the kiosk). Either way the clerk lands on
 * the visit's page.
 */
@Singleton
public class SlipCodes {

    private final PreEntryUseCase preEntry;

    public SlipCodes(PreEntryUseCase preEntry) {
        this.preEntry = preEntry;
    }

    /** Where the code leads: a visit's page; or a refusal the clerk can act on. */
    public sealed interface Opening {
        record Visit(ReceptionNumber number) implements Opening {
            public String path() {
                return "/staff/receptions/" + number.value();
            }
        }

        record Refused(String message) implements Opening {
        }
    }

    /** Whether {@code text} is a code this class opens (not a typed reception number). */
    public static boolean isPreEntry(String text) {
        return text != null && text.strip().startsWith(PreEntryCode.PREFIX);
    }

    public Opening open(LocalGovernmentCode city, String text, Operator clerk) {
        if (isPreEntry(text)) {
            PreEntryUseCase.Redemption redeemed = preEntry.redeem(city, text, clerk);
            return redeemed instanceof PreEntryUseCase.Redemption.Opened opened
                    ? new Opening.Visit(opened.reception().number())
                    : new Opening.Refused(((PreEntryUseCase.Redemption.Refused) redeemed).message());
        }
        ReceptionInquiry inquiry = new ReceptionInquiry("", "", "", "", "", "", text, "");
        try {
            return inquiry.receptionNumber(city).<Opening>map(Opening.Visit::new)
                    .orElseGet(() -> new Opening.Refused("コードを読み取れませんでした。"));
        } catch (Rejection e) {
            return new Opening.Refused(e.getMessage());
        }
    }
}
