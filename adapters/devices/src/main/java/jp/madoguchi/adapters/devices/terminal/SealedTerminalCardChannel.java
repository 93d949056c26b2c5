package jp.madoguchi.adapters.devices.terminal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.application.port.out.TerminalCardChannel;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * The server's side of the terminal envelope: issues challenges (remembered for five minutes, good for one answer)
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
    /** Issued and not yet answered: nonce → whether it allows the 個人番号. */
    private final Cache<String, Boolean> issued = Caffeine.newBuilder()
            .expireAfterWrite(CHALLENGE_LIFETIME)
            .maximumSize(10_000)
            .build();

    public SealedTerminalCardChannel(JdbiPairedTerminals terminals, Clock clock) {
        this.terminals = terminals;
        this.clock = clock;
    }

    @Override
    public Optional<String> challenge(LocalGovernmentCode city, String terminalId, boolean individualNumber) {
        return terminals.sealOf(city, terminalId).map(seal -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String nonce = HexFormat.of().formatHex(bytes);
            issued.put(key(city, terminalId, nonce), individualNumber);
            return new TerminalMessages.Challenge(nonce, individualNumber,
                    clock.instant().plus(CHALLENGE_LIFETIME).getEpochSecond()).sealWith(seal);
        });
    }

    @Override
    public CardReading open(LocalGovernmentCode city, String terminalId, String answer) {
        Optional<TerminalSeal> seal = terminals.sealOf(city, terminalId);
        if (seal.isEmpty()) {
            return untrusted();
        }
        TerminalMessages.Reading reading;
        try {
            reading = TerminalMessages.Reading.openWith(seal.get(), answer);
        } catch (TerminalSeal.Untrusted | IllegalArgumentException e) {
            return untrusted();
        }
        Boolean allowsNumber = issued.asMap().remove(key(city, terminalId, reading.nonce()));
        if (allowsNumber == null) {
            return untrusted();
        }
        return new CardReading.Read(reading.face(), allowsNumber ? reading.individualNumber() : null);
    }

    private static CardReading untrusted() {
        return new CardReading.Failed(CardReading.Reason.UNTRUSTED_READING, UNTRUSTED);
    }

    private static String key(LocalGovernmentCode city, String terminalId, String nonce) {
        return city.value() + "/" + terminalId + "/" + nonce;
    }
}
