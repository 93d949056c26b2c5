package jp.madoguchi.application.port.out;

import java.util.List;

import jp.madoguchi.domain.moving.MoveOutCertificate;

/**
 * The 2D code printed on a 転出証明書. Its payload layout is not published (docs/architecture.md, domain facts §2), so the adapter reads it
 * through a layout file the city can edit to match its 住記 vendor's certificates.
 */
public interface MoveOutCertificateCodes {

    /** @throws UnreadableCode with every problem found, in Japanese, when the payload does not fit the layout */
    MoveOutCertificate read(String payload);

    /** The payload for a certificate, in the same layout (test data and the demo). */
    String write(MoveOutCertificate certificate);

    /** A payload that does not fit the layout; {@code problems} name the item and what is wrong, not the value. */
    final class UnreadableCode extends RuntimeException {

        private final List<String> problems;

        public UnreadableCode(List<String> problems) {
            super("転出証明書の二次元コードを読み取れません: " + String.join("／", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
