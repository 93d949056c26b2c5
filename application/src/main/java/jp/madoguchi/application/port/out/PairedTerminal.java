package jp.madoguchi.application.port.out;

import java.time.Instant;

/**
 * 端末: a kiosk or counter PC whose terminal agent is paired with the server.
 *
 * @param revokedAt when the pairing was withdrawn, or {@code null} while it is in force
 */
public record PairedTerminal(String terminalId, String label, Instant registeredAt, String registeredBy, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
