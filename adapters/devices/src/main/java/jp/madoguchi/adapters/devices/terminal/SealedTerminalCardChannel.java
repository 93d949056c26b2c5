package jp.madoguchi.adapters.devices.terminal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.application.port.out.TerminalCardChannel;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * The server's side of the terminal envelope: issues challenges (kept in the database for five minutes, good for one
 * answer, so any server can take the agent's answer)
 * and opens the agent's sealed readings.
 */
@Singleton
public class SealedTerminalCardChannel implements TerminalCardChannel {

    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    private static final String UNTRUSTED = "カードの読み取り結果を確かめられませんでした。もう一度カードを読み取ってください。"
            + "続くときは職員にお声がけください（端末の登録を確認します）。";

    private final JdbiPairedTerminals terminals;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final JdbiIssuedChallenges issued;

    public SealedTerminalCardChannel(JdbiPairedTerminals terminals, JdbiIssuedChallenges issued, Clock clock) {
        this.terminals = terminals;
        this.issued = issued;
        this.clock = clock;
    }

    @Override
    public Optional<String> challenge(LocalGovernmentCode city, String terminalId, boolean individualNumber) {
        return terminals.sealOf(city, terminalId).map(seal -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String nonce = HexFormat.of().formatHex(bytes);
            Instant now = clock.instant();
            Instant expires = now.plus(CHALLENGE_LIFETIME);
            issued.issue(city, terminalId, nonce, individualNumber, now, expires);
            return new TerminalMessages.Challenge(nonce, individualNumber, expires.getEpochSecond()).sealWith(seal);
        });
    }

    @Override
    public CardReading open(LocalGovernmentCode city, String terminalId, String answer) {
        Optional<TerminalSeal> seal = terminals.sealOf(city, terminalId);
        if (seal.isEmpty()) {
            return untrusted();
        }
        TerminalMessages.Reading reading = null;
        Optional<TerminalMessages.ResidenceCardReading> residenceCard;
        try {
            java.util.Map<String, String> fields = seal.get().open(TerminalSeal.Purpose.READING, answer);
            residenceCard = TerminalMessages.ResidenceCardReading.from(fields);
            if (residenceCard.isEmpty()) {
                reading = TerminalMessages.Reading.from(fields);
            }
        } catch (TerminalSeal.Untrusted | IllegalArgumentException e) {
            return untrusted();
        }
        String nonce = residenceCard.isPresent() ? residenceCard.get().nonce() : reading.nonce();
        Optional<Boolean> allowsNumber = issued.redeem(city, terminalId, nonce, clock.instant());
        if (allowsNumber.isEmpty()) {
            return untrusted();
        }
        if (residenceCard.isPresent()) {
            return new CardReading.ResidenceCard(residenceCard.get().cardNumber(), residenceCard.get().kind());
        }
        return new CardReading.Read(reading.face(), allowsNumber.get() ? reading.individualNumber() : null);
    }

    private static CardReading untrusted() {
        return new CardReading.Failed(CardReading.Reason.UNTRUSTED_READING, UNTRUSTED);
    }
}
