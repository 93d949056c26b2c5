package jp.madoguchi.kiosk.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.resident.AddresseeNumber;

/**
 * What the kiosk remembers between 本人確認 and 受付: who the card holder standing at it is and what they chose,
 * under a random token, for a few minutes at most. The page carries only the token, so a visitor cannot
 * start a visit for somebody else; a finished or abandoned visit is forgotten.
 */
@Singleton
public class KioskVisits {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Map<String, Visit> visits = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public KioskVisits(Clock clock) {
        this.clock = clock;
    }

    /**
     * A card holder and the procedure they chose: identified ({@code resident}), or with the card face for the clerk
     * to confirm when the card matched no registry entry exactly ({@code card}).
     */
    record Visit(AddresseeNumber resident, CardFace card, String procedure, Instant expires) {
    }

    String open(AddresseeNumber resident, String procedure) {
        return open(resident, null, procedure);
    }

    /** A visit whose card the clerk will compare with the registry at the counter. */
    String openForConfirmation(CardFace card, String procedure) {
        return open(null, card, procedure);
    }

    private String open(AddresseeNumber resident, CardFace card, String procedure) {
        forgetExpired();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        visits.put(token, new Visit(resident, card, procedure, clock.instant().plus(TIMEOUT)));
        return token;
    }

    /** Takes the visit out: a token serves once. */
    Optional<Visit> close(String token) {
        forgetExpired();
        return token == null ? Optional.empty() : Optional.ofNullable(visits.remove(token));
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        visits.values().removeIf(v -> v.expires().isBefore(now));
    }
}
