package jp.madoguchi.application.port.out;

import java.util.Optional;

import java.time.Instant;
import java.util.List;

import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** The terminals whose agents may hand card readings to the server, each with its own pairing key. */
public interface PairedTerminals {

    /**
     * Pairs a terminal, or pairs it again with a new key (the old key stops working).
     *
     * @return the pairing token for the terminal agent: shown once, kept only sealed
     */
    String pair(LocalGovernmentCode city, String terminalId, String label, Operator by, Instant at);

    List<PairedTerminal> all(LocalGovernmentCode city);

    /** The terminal in force whose pairing token {@code token} is; empty for a wrong token or a terminal not in force. */
    Optional<PairedTerminal> authenticate(LocalGovernmentCode city, String terminalId, String token);

    /** The terminal, if it is in force. */
    Optional<PairedTerminal> active(LocalGovernmentCode city, String terminalId);

    /** @return false when there is no such terminal in force */
    boolean revoke(LocalGovernmentCode city, String terminalId, Instant at);
}
