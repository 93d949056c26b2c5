package jp.madoguchi.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.moving.MoveInBasis;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * The 転出証明書 content of 転入届 receptions: one row per reception for the person it was opened with, and one per
 * family member moving in with them.
 */
@Singleton
public class JdbiMoveIns implements MoveIns {

    private static final String ITEMS = """
            certificate_number, from_city_code, name, name_kana, birth_date, birth_notation, sex, relationship,
            head_of_household_name, previous_address, destination_address, move_out_planned_on, domicile, domicile_head,
            national_health_insurance, late_stage_elderly, long_term_care, national_pension, child_allowance""";
    private static final String VALUES = """
            :certificateNumber, :fromCity, :name, :nameKana, :birthDate, :birthNotation, :sex, :relationship, :head,
            :previousAddress, :destinationAddress, :plannedOn, :domicile, :domicileHead, :nhi, :lse, :ltc, :pension,
            :childAllowance""";

    private final Jdbi jdbi;

    public JdbiMoveIns(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(LocalGovernmentCode city, ReceptionNumber reception, MoveIn moveIn) {
        jdbi.useTransaction(h -> {
            bind(h.createUpdate("INSERT INTO reception_move_in (city_code, number, basis, " + ITEMS + ")"
                    + " VALUES (:city, :number, :basis, " + VALUES + ")"), moveIn.certificate())
                    .bind("city", city.value())
                    .bind("number", reception.value())
                    .bind("basis", moveIn.basis().name())
                    .execute();
            for (MoveOutCertificate companion : moveIn.companions()) {
                insertCompanion(h, city, reception, companion);
            }
        });
    }

    @Override
    public void addCompanion(LocalGovernmentCode city, ReceptionNumber reception, MoveOutCertificate companion) {
        jdbi.useHandle(h -> insertCompanion(h, city, reception, companion));
    }

    private static void insertCompanion(Handle h, LocalGovernmentCode city, ReceptionNumber reception,
                                        MoveOutCertificate companion) {
        // the next position in one statement: two codes read at once cannot take the same place
        bind(h.createUpdate("INSERT INTO reception_move_in_companion (city_code, number, position, " + ITEMS + ")"
                + " SELECT :city, :number, coalesce(max(position), 0) + 1, " + VALUES
                + " FROM reception_move_in_companion WHERE city_code = :city AND number = :number"), companion)
                .bind("city", city.value())
                .bind("number", reception.value())
                .execute();
    }

    private static Update bind(Update update, MoveOutCertificate c) {
        MoveOutCertificate.BusinessStatuses s = c.statuses();
        return update
                .bind("certificateNumber", c.certificateNumber())
                .bind("fromCity", c.fromCity().value())
                .bind("name", c.name())
                .bind("nameKana", c.nameKana())
                .bind("birthDate", c.birthDate())
                .bind("birthNotation", c.birthNotation())
                .bind("sex", c.sex() == null ? Sex.OTHER.code() : c.sex().code())
                .bind("relationship", c.relationship())
                .bind("head", c.headOfHouseholdName())
                .bind("previousAddress", c.previousAddress())
                .bind("destinationAddress", c.destinationAddress())
                .bind("plannedOn", c.plannedMoveOutOn())
                .bind("domicile", c.domicile())
                .bind("domicileHead", c.domicileHead())
                .bind("nhi", s.nationalHealthInsurance())
                .bind("lse", s.lateStageElderly())
                .bind("ltc", s.longTermCare())
                .bind("pension", s.nationalPension())
                .bind("childAllowance", s.childAllowance());
    }

    @Override
    public Optional<MoveIn> find(LocalGovernmentCode city, ReceptionNumber reception) {
        return jdbi.withHandle(h -> {
            Optional<MoveIn> first = h.createQuery("SELECT * FROM reception_move_in WHERE city_code = :city AND number = :number")
                    .bind("city", city.value())
                    .bind("number", reception.value())
                    .map(JdbiMoveIns::moveIn)
                    .findOne();
            if (first.isEmpty()) {
                return first;
            }
            List<MoveOutCertificate> companions = h.createQuery("SELECT * FROM reception_move_in_companion"
                            + " WHERE city_code = :city AND number = :number ORDER BY position")
                    .bind("city", city.value())
                    .bind("number", reception.value())
                    .map(JdbiMoveOutCertificates::certificate)
                    .list();
            return Optional.of(new MoveIn(first.get().basis(), first.get().certificate(), companions));
        });
    }

    private static MoveIn moveIn(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MoveIn(MoveInBasis.valueOf(rs.getString("basis")), JdbiMoveOutCertificates.certificate(rs, ctx));
    }
}
