package jp.madoguchi.kiosk.device;

import java.util.Map;
import java.util.Optional;

import io.micronaut.security.authentication.Authentication;
import jp.madoguchi.domain.shared.Operator;

/**
 * A registered 記載台: the terminal its browser was bound to and where it stands. Kiosk pages are for kiosks only
 * (role {@link #ROLE}); what the card holder at one identifies stays with that kiosk and that visit.
 */
public record KioskDevice(String terminalId, String place) {

    /** The role of a registered kiosk's browser in {@code @Secured}. */
    public static final String ROLE = "KIOSK_DEVICE";

    static final String PLACE = "place";

    Authentication authentication() {
        return Authentication.build(terminalId, java.util.List.of(ROLE), Map.of(PLACE, place));
    }

    /** The kiosk a request was authenticated as; empty when it was not a kiosk. */
    public static Optional<KioskDevice> of(Authentication authentication) {
        if (authentication == null || !authentication.getRoles().contains(ROLE)) {
            return Optional.empty();
        }
        return Optional.of(new KioskDevice(authentication.getName(),
                String.valueOf(authentication.getAttributes().getOrDefault(PLACE, ""))));
    }

    /** The kiosk as it appears in receptions and the access history. */
    public Operator operator() {
        return Operator.kiosk(terminalId);
    }
}
