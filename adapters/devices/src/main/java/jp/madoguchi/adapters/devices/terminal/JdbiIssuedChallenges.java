package jp.madoguchi.adapters.devices.terminal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/**
 * Challenges handed to the terminal agents and not yet answered, in {@code card_challenge}: the agent's answer may
 * reach another server than the one that issued the challenge.
 */
@Singleton
public class JdbiIssuedChallenges {

    private final Jdbi jdbi;

    public JdbiIssuedChallenges(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void issue(LocalGovernmentCode city, String terminalId, String nonce, boolean individualNumber, Instant now,
               Instant expires) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM card_challenge WHERE expires_at < :now").bind("now", at(now)).execute();
            h.createUpdate("""
                            INSERT INTO card_challenge (city_code, terminal_id, nonce, individual_number, expires_at)
                            VALUES (:city, :terminal, :nonce, :number, :expires)""")
                    .bind("city", city.value()).bind("terminal", terminalId).bind("nonce", nonce)
                    .bind("number", individualNumber).bind("expires", at(expires)).execute();
        });
    }

    /** Whether the challenge allows the 個人番号; empty when unknown, expired or already answered (it is used up now). */
    Optional<Boolean> redeem(LocalGovernmentCode city, String terminalId, String nonce, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        DELETE FROM card_challenge
                         WHERE city_code = :city AND terminal_id = :terminal AND nonce = :nonce AND expires_at >= :now
                        RETURNING individual_number""")
                .bind("city", city.value()).bind("terminal", terminalId).bind("nonce", nonce).bind("now", at(now))
                .mapTo(Boolean.class).findOne());
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
