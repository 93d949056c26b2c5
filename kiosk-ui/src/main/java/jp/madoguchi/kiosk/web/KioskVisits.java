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
    record Visit(String kiosk, AddresseeNumber resident, CardFace card, String procedure, Instant expires) {
    }

    /** A slip this kiosk may show: only the one it just issued, and only for a few minutes. */
    private record Slip(String kiosk, String reception, Instant expires) {
    }

    private final Map<String, Slip> slips = new ConcurrentHashMap<>();

    String open(String kiosk, AddresseeNumber resident, String procedure) {
        return open(kiosk, resident, null, procedure);
    }

    /** A visit whose card the clerk will compare with the registry at the counter. */
    String openForConfirmation(String kiosk, CardFace card, String procedure) {
        return open(kiosk, null, card, procedure);
    }

    private String open(String kiosk, AddresseeNumber resident, CardFace card, String procedure) {
        forgetExpired();
        String token = newToken();
        visits.put(token, new Visit(kiosk, resident, card, procedure, clock.instant().plus(TIMEOUT)));
        return token;
    }

    /** Takes the visit out: a token serves once, and only at the kiosk where the card was read. */
    Optional<Visit> close(String token, String kiosk) {
        forgetExpired();
        if (token == null) {
            return Optional.empty();
        }
        Visit visit = visits.get(token);
        if (visit == null || !visit.kiosk().equals(kiosk)) {
            return Optional.empty();
        }
        return Optional.ofNullable(visits.remove(token));
    }

    /** Remembers that {@code kiosk} issued {@code reception}, so it (and only it) may show the slip for a while. */
    void issued(String kiosk, String reception) {
        forgetExpired();
        slips.put(kiosk + "|" + reception, new Slip(kiosk, reception, clock.instant().plus(TIMEOUT)));
    }

    boolean mayShowSlip(String kiosk, String reception) {
        forgetExpired();
        return slips.containsKey(kiosk + "|" + reception);
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        visits.values().removeIf(v -> v.expires().isBefore(now));
        slips.values().removeIf(s -> s.expires().isBefore(now));
    }
}
