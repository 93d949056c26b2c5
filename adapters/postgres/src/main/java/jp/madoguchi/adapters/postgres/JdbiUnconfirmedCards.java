package jp.madoguchi.adapters.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.UnconfirmedCards;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.identity.IdentityDocument;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;

/** Card faces waiting for a clerk's 本人確認, one per reception; deleted once confirmed. */
@Singleton
public class JdbiUnconfirmedCards implements UnconfirmedCards {

    private final Jdbi jdbi;

    public JdbiUnconfirmedCards(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void hold(LocalGovernmentCode city, ReceptionNumber reception, CardFace face, Instant readAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO reception_card_face (city_code, number, name, address, birth_date, sex, read_at, document)
                        VALUES (:city, :number, :name, :address, :birthDate, :sex, :readAt, :document)""")
                .bind("city", city.value())
                .bind("number", reception.value())
                .bind("name", face.name())
                .bind("address", face.address())
                .bind("birthDate", face.birthDate())
                .bind("sex", face.sex() == null ? null : face.sex().code())
                .bind("readAt", OffsetDateTime.ofInstant(readAt, ZoneOffset.UTC))
                .bind("document", face.document().name())
                .execute());
    }

    @Override
    public Optional<CardFace> find(LocalGovernmentCode city, ReceptionNumber reception) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT name, address, birth_date, sex, document FROM reception_card_face
                         WHERE city_code = :city AND number = :number""")
                .bind("city", city.value())
                .bind("number", reception.value())
                .map((rs, ctx) -> new CardFace(rs.getString("name"), rs.getString("address"), rs.getString("birth_date"),
                        rs.getString("sex") == null ? null : Sex.fromCode(rs.getString("sex")),
                        IdentityDocument.valueOf(rs.getString("document"))))
                .findOne());
    }

    @Override
    public void discard(LocalGovernmentCode city, ReceptionNumber reception) {
        jdbi.useHandle(h -> h.execute("DELETE FROM reception_card_face WHERE city_code = ? AND number = ?",
                city.value(), reception.value()));
    }
}
