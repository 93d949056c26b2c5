package jp.madoguchi.application.port.in;

import java.util.List;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.identity.CardPin;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** マイナンバーカードで本人を確認する: read the card face and find the resident in the registry. */
public interface IdentifyResidentByCardUseCase {

    CardIdentification identify(IdentifyByCardCommand command);

    record IdentifyByCardCommand(LocalGovernmentCode city, CardPin pin, Operator operator) {
    }

    /** The outcome: the card face with ranked registry candidates, or a failure to show. */
    sealed interface CardIdentification {

        /** Card read; {@code candidates} best first, possibly empty. */
        record Identified(CardFace face, List<ResidentCandidate> candidates) implements CardIdentification {
            public Identified {
                candidates = List.copyOf(candidates);
            }

            /** The resident when exactly one candidate matches all four items. */
            public java.util.Optional<Resident> exactMatch() {
                List<ResidentCandidate> exact = candidates.stream().filter(ResidentCandidate::exact).toList();
                return exact.size() == 1 ? java.util.Optional.of(exact.get(0).resident()) : java.util.Optional.empty();
            }
        }

        /** The card could not be read; the message is for the person at the screen. */
        record Failed(String message, int triesLeft) implements CardIdentification {
        }
    }

    /**
     * A registry entry that resembles the card.
     *
     * @param score 0–100, higher is closer
     * @param exact all four items (氏名, 住所, 生年月日, 性別) agree
     */
    record ResidentCandidate(Resident resident, int score, boolean exact) {
    }
}
