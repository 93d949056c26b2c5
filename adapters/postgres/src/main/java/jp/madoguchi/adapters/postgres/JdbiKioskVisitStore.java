package jp.madoguchi.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.HoldKioskVisitUseCase.KioskVisit;
import jp.madoguchi.application.port.out.KioskVisitStore;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.identity.IdentityDocument;
import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/** The kiosks' visits in {@code kiosk_visit} and their slips in {@code kiosk_slip}. */
@Singleton
public class JdbiKioskVisitStore implements KioskVisitStore {

    private final Jdbi jdbi;

    /** The procedures of a visit in its one text column: codes are letters and underscores, never a comma. */
    private static final String PROCEDURE_SEPARATOR = ",";

    public JdbiKioskVisitStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void hold(LocalGovernmentCode city, String tokenHash, KioskVisit visit, Instant expires) {
        CardFace card = visit.card();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO kiosk_visit (city_code, token_hash, kiosk, addressee_number, card_name, card_address,
                                                 card_birth_date, card_sex, procedure_code, expires_at, document)
                        VALUES (:city, :hash, :kiosk, :resident, :name, :address, :birthDate, :sex, :procedure, :expires,
                                :document)""")
                .bind("city", city.value()).bind("hash", tokenHash).bind("kiosk", visit.kiosk())
                .bind("resident", visit.resident() == null ? null : visit.resident().value())
                .bind("name", card == null ? null : card.name())
                .bind("address", card == null ? null : card.address())
                .bind("birthDate", card == null ? null : card.birthDate())
                .bind("sex", card == null || card.sex() == null ? null : card.sex().code())
                .bind("procedure", String.join(PROCEDURE_SEPARATOR, visit.procedures())).bind("expires", at(expires))
                .bind("document", visit.document().name())
                .execute());
    }

    @Override
    public Optional<KioskVisit> peek(LocalGovernmentCode city, String tokenHash, String kiosk, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM kiosk_visit
                         WHERE city_code = :city AND token_hash = :hash AND kiosk = :kiosk AND expires_at >= :now""")
                .bind("city", city.value()).bind("hash", tokenHash).bind("kiosk", kiosk).bind("now", at(now))
                .map((rs, ctx) -> visit(rs))
                .findOne());
    }

    @Override
    public boolean replaceProcedures(LocalGovernmentCode city, String tokenHash, String kiosk, List<String> procedures,
                                     Instant now) {
        return setCodes("procedure_code", city, tokenHash, kiosk, procedures, now);
    }

    @Override
    public boolean replaceOffered(LocalGovernmentCode city, String tokenHash, String kiosk, List<String> offered,
                                  Instant now) {
        return setCodes("offered_codes", city, tokenHash, kiosk, offered, now);
    }

    /** One list of procedure codes of a visit still held at {@code kiosk}; {@code column} is one of this class's own. */
    private boolean setCodes(String column, LocalGovernmentCode city, String tokenHash, String kiosk, List<String> codes,
                             Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE kiosk_visit SET " + column + " = :codes"
                        + " WHERE city_code = :city AND token_hash = :hash AND kiosk = :kiosk AND expires_at >= :now")
                .bind("city", city.value()).bind("hash", tokenHash).bind("kiosk", kiosk).bind("now", at(now))
                .bind("codes", String.join(PROCEDURE_SEPARATOR, codes))
                .execute()) == 1;
    }

    @Override
    public Optional<KioskVisit> take(LocalGovernmentCode city, String tokenHash, String kiosk, Instant now) {
        // one DELETE … RETURNING: two servers given the same token at once cannot both take the visit
        return jdbi.withHandle(h -> h.createQuery("""
                        DELETE FROM kiosk_visit
                         WHERE city_code = :city AND token_hash = :hash AND kiosk = :kiosk AND expires_at >= :now
                        RETURNING *""")
                .bind("city", city.value()).bind("hash", tokenHash).bind("kiosk", kiosk).bind("now", at(now))
                .map((rs, ctx) -> visit(rs))
                .findOne());
    }

    @Override
    public void slipIssued(LocalGovernmentCode city, String kiosk, String reception, Instant expires) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO kiosk_slip (city_code, kiosk, reception_number, expires_at)
                        VALUES (:city, :kiosk, :reception, :expires)
                        ON CONFLICT (city_code, kiosk, reception_number) DO UPDATE SET expires_at = EXCLUDED.expires_at""")
                .bind("city", city.value()).bind("kiosk", kiosk).bind("reception", reception).bind("expires", at(expires))
                .execute());
    }

    @Override
    public boolean slipShowable(LocalGovernmentCode city, String kiosk, String reception, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM kiosk_slip WHERE city_code = :city AND kiosk = :kiosk
                                          AND reception_number = :reception AND expires_at >= :now)""")
                .bind("city", city.value()).bind("kiosk", kiosk).bind("reception", reception).bind("now", at(now))
                .mapTo(Boolean.class).one());
    }

    @Override
    public void forgetExpired(Instant now) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM kiosk_visit WHERE expires_at < :now").bind("now", at(now)).execute();
            h.createUpdate("DELETE FROM kiosk_slip WHERE expires_at < :now").bind("now", at(now)).execute();
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static KioskVisit visit(ResultSet rs) throws SQLException {
        IdentityDocument document = IdentityDocument.valueOf(rs.getString("document"));
        return new KioskVisit(rs.getString("kiosk"),
                rs.getString("addressee_number") == null ? null : new AddresseeNumber(rs.getString("addressee_number")),
                rs.getString("card_name") == null ? null : new CardFace(rs.getString("card_name"),
                        rs.getString("card_address"), rs.getString("card_birth_date"),
                        rs.getString("card_sex") == null ? null : Sex.fromCode(rs.getString("card_sex")), document),
                List.of(rs.getString("procedure_code").split(PROCEDURE_SEPARATOR)), document,
                rs.getString("offered_codes").isEmpty() ? List.of() : List.of(rs.getString("offered_codes").split(PROCEDURE_SEPARATOR)));
    }
}
