package jp.madoguchi.application.port.in;

import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.resident.Resident;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/**
 * マイナンバーカードで本人を確認する. The card is read on the kiosk or counter PC by its terminal agent, which takes
 * the PIN locally; the server only hands out a challenge for that terminal and receives the reading sealed under the
 * terminal's pairing key. The holder is then found in the registry by the four items.
 */
public interface IdentifyResidentByCardUseCase {

    /** A single-use challenge for the terminal's agent; it allows the 個人番号 only when a procedure needs it. */
    TerminalChallenge challenge(ChallengeCommand command);

    CardIdentification identify(IdentifyByCardCommand command);

    /**
     * @param roleAllowsIndividualNumber whether the operator may see the 個人番号 at all (a kiosk reading the card of
     *                                   the citizen who entered its PIN may; staff by role)
     */
    record ChallengeCommand(LocalGovernmentCode city, String terminalId, List<String> procedureCodes,
                            boolean roleAllowsIndividualNumber) {
        public ChallengeCommand {
            procedureCodes = List.copyOf(procedureCodes);
        }
    }

    sealed interface TerminalChallenge {

        /** @param allowsIndividualNumber whether the agent will read the 個人番号 for it */
        record Issued(String challenge, boolean allowsIndividualNumber) implements TerminalChallenge {
        }

        /** The terminal is not paired (or no longer): the message says whom to ask. */
        record Refused(String message) implements TerminalChallenge {
        }
    }

    /** @param reading the agent's sealed answer to a challenge, as the page carried it */
    record IdentifyByCardCommand(LocalGovernmentCode city, String terminalId, String reading, Operator operator) {
    }

    /** The outcome: the card face with ranked registry candidates, or a failure to show. */
    sealed interface CardIdentification {

        /**
         * Card read; {@code candidates} best first, possibly empty.
         *
         * @param individualNumber the 個人番号 when the challenge allowed it, else {@code null}
         */
        record Identified(CardFace face, IndividualNumber individualNumber, List<ResidentCandidate> candidates)
                implements CardIdentification {
            public Identified {
                candidates = List.copyOf(candidates);
            }

            /** The resident when exactly one candidate matches all four items. */
            public Optional<Resident> exactMatch() {
                List<ResidentCandidate> exact = candidates.stream().filter(ResidentCandidate::exact).toList();
                return exact.size() == 1 ? Optional.of(exact.get(0).resident()) : Optional.empty();
            }
        }

        /** The card could not be read or the reading not trusted; the message is for the person at the screen. */
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
