package jp.madoguchi.application.port.out;

import java.util.Optional;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * The way a card reading comes from a terminal agent to the server through the browser: the server issues a
 * single-use challenge for one paired terminal, the agent answers it with the reading sealed under that terminal's
 * key, and the server opens it. Only a challenge that says so lets the agent read the 個人番号.
 */
public interface TerminalCardChannel {

    /** Empty when the terminal is not paired or its pairing was revoked. */
    Optional<String> challenge(LocalGovernmentCode city, String terminalId, boolean individualNumber);

    /**
     * The reading inside the agent's answer; {@link CardReading.Failed} with {@link CardReading.Reason#UNTRUSTED_READING}
     * when it is forged, damaged, from another terminal, expired or already used.
     */
    CardReading open(LocalGovernmentCode city, String terminalId, String answer);
}
