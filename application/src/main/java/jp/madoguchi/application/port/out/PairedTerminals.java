package jp.madoguchi.application.port.out;

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

    /** @return false when there is no such terminal in force */
    boolean revoke(LocalGovernmentCode city, String terminalId, Instant at);
}
