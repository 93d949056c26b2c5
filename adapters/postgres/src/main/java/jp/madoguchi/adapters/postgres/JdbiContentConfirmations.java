package jp.madoguchi.adapters.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.ContentConfirmations;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/** The tablet's requests and the citizens' confirmations in PostgreSQL; a revocation takes the signature with it. */
@Singleton
public class JdbiContentConfirmations implements ContentConfirmations {

    private final Jdbi jdbi;

    public JdbiContentConfirmations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void request(LocalGovernmentCode city, String terminal, ReceptionNumber number, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO tablet_request (city_code, terminal, reception_number, requested_at)
                        VALUES (:city, :terminal, :number, :at)
                        ON CONFLICT (city_code, terminal) DO UPDATE
                           SET reception_number = EXCLUDED.reception_number, requested_at = EXCLUDED.requested_at""")
                .bind("city", city.value()).bind("terminal", terminal).bind("number", number.value())
                .bind("at", utc(at)).execute());
    }

    @Override
    public Optional<ReceptionNumber> requested(LocalGovernmentCode city, String terminal, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT reception_number FROM tablet_request
                         WHERE city_code = :city AND terminal = :terminal AND requested_at >= :since""")
                .bind("city", city.value()).bind("terminal", terminal).bind("since", utc(since))
                .mapTo(String.class).findOne().map(ReceptionNumber::parse));
    }

    @Override
    public void confirmed(LocalGovernmentCode city, ReceptionNumber number, Confirmation confirmation) {
        jdbi.useHandle(h -> {
            h.createUpdate("""
                            INSERT INTO content_confirmation (city_code, reception_number, content_sha256, signature_sha256,
                                                              terminal, confirmed_at)
                            VALUES (:city, :number, :content, :signature, :terminal, :at)
                            ON CONFLICT (city_code, reception_number) DO UPDATE
                               SET content_sha256 = EXCLUDED.content_sha256, signature_sha256 = EXCLUDED.signature_sha256,
                                   terminal = EXCLUDED.terminal, confirmed_at = EXCLUDED.confirmed_at""")
                    .bind("city", city.value()).bind("number", number.value())
                    .bind("content", confirmation.contentSha256()).bind("signature", confirmation.signatureSha256())
                    .bind("terminal", confirmation.terminal()).bind("at", utc(confirmation.confirmedAt())).execute();
            h.createUpdate("DELETE FROM tablet_request WHERE city_code = :city AND reception_number = :number")
                    .bind("city", city.value()).bind("number", number.value()).execute();
        });
    }

    @Override
    public Optional<Confirmation> find(LocalGovernmentCode city, ReceptionNumber number) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT content_sha256, signature_sha256, terminal, confirmed_at FROM content_confirmation
                         WHERE city_code = :city AND reception_number = :number""")
                .bind("city", city.value()).bind("number", number.value())
                .map((rs, ctx) -> new Confirmation(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .findOne());
    }

    @Override
    public boolean revoke(LocalGovernmentCode city, ReceptionNumber number) {
        return jdbi.inTransaction(h -> {
            int removed = h.createUpdate("DELETE FROM content_confirmation WHERE city_code = :city AND reception_number = :number")
                    .bind("city", city.value()).bind("number", number.value()).execute();
            if (removed > 0) {
                h.createUpdate("DELETE FROM reception_signature WHERE city_code = :city AND number = :number")
                        .bind("city", city.value()).bind("number", number.value()).execute();
            }
            return removed > 0;
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
