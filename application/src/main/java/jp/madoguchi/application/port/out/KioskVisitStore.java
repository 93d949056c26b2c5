package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.application.port.in.HoldKioskVisitUseCase.KioskVisit;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The kiosks' visits and slips in hand, shared by every server. */
public interface KioskVisitStore {

    void hold(LocalGovernmentCode city, String tokenHash, KioskVisit visit, Instant expires);

    /** Removes and returns the visit when it is {@code kiosk}'s and not expired; another kiosk leaves it in place. */
    /** The visit held under {@code tokenHash} at {@code kiosk}, left held (the citizen is still answering). */
    Optional<KioskVisit> peek(LocalGovernmentCode city, String tokenHash, String kiosk, Instant now);

    /** Replaces the procedures of the visit held under {@code tokenHash} at {@code kiosk}; false when it is gone. */
    boolean replaceProcedures(LocalGovernmentCode city, String tokenHash, String kiosk, List<String> procedures, Instant now);

    /** Keeps the procedures a page offered with the visit; false when it is gone. */
    boolean replaceOffered(LocalGovernmentCode city, String tokenHash, String kiosk, List<String> offered, Instant now);

    Optional<KioskVisit> take(LocalGovernmentCode city, String tokenHash, String kiosk, Instant now);

    void slipIssued(LocalGovernmentCode city, String kiosk, String reception, Instant expires);

    boolean slipShowable(LocalGovernmentCode city, String kiosk, String reception, Instant now);

    /** Deletes what expired before {@code now}. */
    void forgetExpired(Instant now);
}
