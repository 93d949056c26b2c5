package jp.madoguchi.application.service;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.HoldKioskVisitUseCase;
import jp.madoguchi.application.port.out.KioskVisitStore;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Hands out the kiosk's visit tokens. Only a token's SHA-256 is stored: a copy of the table does not let anyone
 * take a visit over.
 */
public final class KioskVisitService implements HoldKioskVisitUseCase {

    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final KioskVisitStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public KioskVisitService(KioskVisitStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String open(LocalGovernmentCode city, KioskVisit visit) {
        Instant now = clock.instant();
        store.forgetExpired(now);
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        store.hold(city, hash(token), visit, now.plus(TIMEOUT));
        return token;
    }

    @Override
    public Optional<KioskVisit> find(LocalGovernmentCode city, String token, String kiosk) {
        if (token == null || token.isBlank() || kiosk == null) {
            return Optional.empty();
        }
        return store.peek(city, hash(token.strip()), kiosk, clock.instant());
    }

    @Override
    public boolean offer(LocalGovernmentCode city, String token, String kiosk, List<String> offered) {
        if (token == null || token.isBlank() || kiosk == null) {
            return false;
        }
        return store.replaceOffered(city, hash(token.strip()), kiosk, List.copyOf(offered), clock.instant());
    }

    @Override
    public boolean choose(LocalGovernmentCode city, String token, String kiosk, List<String> procedures) {
        if (token == null || token.isBlank() || kiosk == null) {
            return false;
        }
        List<String> chosen = KioskVisit.checked(procedures);
        Optional<KioskVisit> held = store.peek(city, hash(token.strip()), kiosk, clock.instant());
        if (held.isEmpty()) {
            return false;
        }
        if (!held.get().offered().containsAll(chosen)) {
            throw new Rejection("kiosk.procedure-not-offered", "選ばれた手続はこの画面で選べません。最初からやり直してください。");
        }
        return store.replaceProcedures(city, hash(token.strip()), kiosk, chosen, clock.instant());
    }

    @Override
    public Optional<KioskVisit> close(LocalGovernmentCode city, String token, String kiosk) {
        if (token == null || token.isBlank() || kiosk == null) {
            return Optional.empty();
        }
        return store.take(city, hash(token.strip()), kiosk, clock.instant());
    }

    @Override
    public void issued(LocalGovernmentCode city, String kiosk, String reception) {
        store.slipIssued(city, kiosk, reception, clock.instant().plus(TIMEOUT));
    }

    @Override
    public boolean mayShowSlip(LocalGovernmentCode city, String kiosk, String reception) {
        return store.slipShowable(city, kiosk, reception, clock.instant());
    }

    private static String hash(String token) {
        return Digests.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
