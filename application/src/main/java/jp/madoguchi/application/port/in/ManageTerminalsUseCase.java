package jp.madoguchi.application.port.in;

import java.util.Optional;

import java.util.List;

import jp.madoguchi.application.port.out.PairedTerminal;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;

/** 端末の登録: the administrator pairs kiosk and counter PCs (their terminal agents) with the server, or withdraws them. */
public interface ManageTerminalsUseCase {

    List<PairedTerminal> terminals(LocalGovernmentCode city);

    /**
     * Pairs a terminal (again: a new key replaces the old one).
     *
     * @return the pairing token to give the terminal agent; it is shown this once and kept only sealed
     */
    Pairing pair(LocalGovernmentCode city, String terminalId, String label, Operator by);

    /**
     * 記載台の登録: binds the browser of a kiosk PC to its terminal, with the pairing token the administrator gave
     * for it. Recorded either way.
     *
     * @return the terminal, or empty when the ID and token do not belong together or the terminal is withdrawn
     */
    Optional<PairedTerminal> enrolKiosk(LocalGovernmentCode city, String terminalId, String token, String from);

    /** The terminal if it is still in force (a withdrawn kiosk is refused at its next request). */
    Optional<PairedTerminal> activeTerminal(LocalGovernmentCode city, String terminalId);

    /** @return false when there was no such terminal in force */
    boolean revoke(LocalGovernmentCode city, String terminalId, Operator by);

    record Pairing(String terminalId, String token) {
        @Override
        public String toString() {
            return "Pairing[" + terminalId + ", token=****]";
        }
    }
}
