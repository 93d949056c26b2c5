package jp.madoguchi.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.domain.shared.LocalGovernmentCode;

/** The core systems allowed to pull records, each with its token's hash and its own cursor. */
public interface HandoffClients {

    /** @return the new client's id */
    long add(LocalGovernmentCode city, String name, String tokenSha256, String by, Instant at);

    /** The client whose token has this SHA-256, revoked or not. */
    Optional<Client> findByToken(String tokenSha256);

    List<Client> all(LocalGovernmentCode city);

    /** @return false when there is no such client in force */
    boolean revoke(LocalGovernmentCode city, long id, Instant at);

    /** Moves the cursor forward (never back); returns the cursor now in force. */
    long acknowledge(long id, long through, Instant at);

    record Client(long id, LocalGovernmentCode city, String name, String tokenSha256, Instant createdAt, String createdBy,
                  Instant revokedAt, long acknowledgedThrough, Instant acknowledgedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }
}
