package jp.madoguchi.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.MoveOutCertificates;
import jp.madoguchi.application.port.out.SensitiveItems;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** 転出証明書情報 in the replica (001o009): found by the keyed hash of the 個人番号, or by 氏名 and 生年月日. */
@Singleton
public class JdbiMoveOutCertificates implements MoveOutCertificates {

    private static final String COLUMNS = "certificate_number, from_city_code, name, name_kana, birth_date, birth_notation, sex,"
            + " relationship, head_of_household_name, previous_address, destination_address, move_out_planned_on, domicile,"
            + " domicile_head, national_health_insurance, late_stage_elderly, long_term_care, national_pension, child_allowance";
    private static final String NEWEST = " ORDER BY move_out_planned_on DESC NULLS LAST, certificate_number DESC LIMIT 1";

    private final Jdbi jdbi;
    private final SensitiveItems sensitive;

    public JdbiMoveOutCertificates(Jdbi jdbi, SensitiveItems sensitive) {
        this.jdbi = jdbi;
        this.sensitive = sensitive;
    }

    @Override
    public Optional<MoveOutCertificate> forPerson(LocalGovernmentCode city, IndividualNumber number, String nameKey, LocalDate birthDate) {
        return jdbi.withHandle(h -> {
            if (number != null) {
                Optional<MoveOutCertificate> byNumber = h.createQuery("SELECT " + COLUMNS + " FROM move_out_certificate"
                                + " WHERE city_code = :city AND individual_number_key = :key" + NEWEST)
                        .bind("city", city.value())
                        .bind("key", sensitive.lookupKey("個人番号", number.reveal()))
                        .map(JdbiMoveOutCertificates::certificate)
                        .findOne();
                if (byNumber.isPresent()) {
                    return byNumber;
                }
            }
            if (birthDate == null) {
                return Optional.empty();
            }
            return h.createQuery("SELECT " + COLUMNS + " FROM move_out_certificate"
                            + " WHERE city_code = :city AND birth_date = :born AND name_key = :name" + NEWEST)
                    .bind("city", city.value())
                    .bind("born", birthDate)
                    .bind("name", nameKey)
                    .map(JdbiMoveOutCertificates::certificate)
                    .findOne();
        });
    }

    @Override
    public List<MoveOutCertificate> movingWith(LocalGovernmentCode city, MoveOutCertificate mover) {
        if (mover.previousAddress() == null || mover.headOfHouseholdName() == null) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM move_out_certificate"
                        + " WHERE city_code = :city AND from_city_code = :from AND previous_address = :previous"
                        + " AND head_of_household_name = :head AND move_out_planned_on IS NOT DISTINCT FROM :planned"
                        + " AND certificate_number <> :number ORDER BY birth_date NULLS LAST, certificate_number")
                .bind("city", city.value())
                .bind("from", mover.fromCity().value())
                .bind("previous", mover.previousAddress())
                .bind("head", mover.headOfHouseholdName())
                .bind("planned", mover.plannedMoveOutOn())
                .bind("number", mover.certificateNumber() == null ? "" : mover.certificateNumber())
                .map(JdbiMoveOutCertificates::certificate)
                .list());
    }

    static MoveOutCertificate certificate(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MoveOutCertificate(rs.getString("certificate_number"), new LocalGovernmentCode(rs.getString("from_city_code")),
                rs.getString("name"), rs.getString("name_kana"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("birth_notation"), Sex.fromCode(rs.getString("sex")),
                rs.getString("relationship"), rs.getString("head_of_household_name"), rs.getString("previous_address"),
                rs.getString("destination_address"), rs.getObject("move_out_planned_on", LocalDate.class), rs.getString("domicile"),
                rs.getString("domicile_head"), new MoveOutCertificate.BusinessStatuses(rs.getString("national_health_insurance"),
                rs.getString("late_stage_elderly"), rs.getString("long_term_care"), rs.getString("national_pension"),
                rs.getString("child_allowance")));
    }
}
