package jp.madoguchi.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * 個人番号の表示: for a member whose role permits it (the caller checks), only for a purpose from the city's list,
 * for an open reception of that very resident, with a second factor not older than the city allows, and at most so
 * many times an hour. Every reveal — and every refusal for the limit — is in the access history; a member who reveals
 * unusually many in a day shows on the auditor's page.
 */
public interface RevealIndividualNumberUseCase {

    RevealOutcome reveal(RevealRequest request);

    /** The purposes the city allows (目的の一覧), in its order. */
    List<String> purposes();

    /** Members with more reveals in the last 24 hours than the city's alert level, most first. */
    List<RevealAlert> alerts(LocalGovernmentCode city);

    /**
     * @param sessionId   the member's login (where the time of the last second factor is kept)
     * @param reception   the 受付番号 of the open visit the reveal is for
     * @param oneTimeCode the authenticator's code, when it was asked for; may be empty
     */
    record RevealRequest(LocalGovernmentCode city, AddresseeNumber resident, Operator by, String sessionId,
                         String purpose, String reception, String oneTimeCode) {
        public RevealRequest {
            purpose = purpose == null ? "" : purpose.strip();
            reception = reception == null ? "" : reception.strip();
            oneTimeCode = oneTimeCode == null ? "" : oneTimeCode.replaceAll("\\s", "");
        }

        @Override
        public String toString() {
            return "RevealRequest[" + by.id() + "]";
        }
    }

    sealed interface RevealOutcome {
        /** Shown (empty when the registry holds none). */
        record Revealed(Optional<IndividualNumber> number) implements RevealOutcome {
        }

        /** The second factor is asked first (again); {@code message} says why. */
        record SecondFactorRequired(String message) implements RevealOutcome {
        }
    }

    record RevealAlert(String actor, long reveals, Instant since) {
    }
}
