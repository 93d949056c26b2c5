package jp.madoguchi.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.moving.MoveInBasis;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The 転出証明書 content of 転入届 receptions, one row per reception. */
@Singleton
public class JdbiMoveIns implements MoveIns {

    private final Jdbi jdbi;

    public JdbiMoveIns(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(LocalGovernmentCode city, ReceptionNumber reception, MoveIn moveIn) {
        MoveOutCertificate c = moveIn.certificate();
        MoveOutCertificate.BusinessStatuses s = c.statuses();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO reception_move_in (city_code, number, basis, certificate_number, from_city_code, name,
                            name_kana, birth_date, birth_notation, sex, relationship, head_of_household_name, previous_address,
                            destination_address, move_out_planned_on, domicile, domicile_head, national_health_insurance,
                            late_stage_elderly, long_term_care, national_pension, child_allowance)
                        VALUES (:city, :number, :basis, :certificateNumber, :fromCity, :name, :nameKana, :birthDate,
                            :birthNotation, :sex, :relationship, :head, :previousAddress, :destinationAddress, :plannedOn,
                            :domicile, :domicileHead, :nhi, :lse, :ltc, :pension, :childAllowance)""")
                .bind("city", city.value())
                .bind("number", reception.value())
                .bind("basis", moveIn.basis().name())
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
                .bind("childAllowance", s.childAllowance())
                .execute());
    }

    @Override
    public Optional<MoveIn> find(LocalGovernmentCode city, ReceptionNumber reception) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM reception_move_in WHERE city_code = :city AND number = :number")
                .bind("city", city.value())
                .bind("number", reception.value())
                .map(JdbiMoveIns::moveIn)
                .findOne());
    }

    private static MoveIn moveIn(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MoveIn(MoveInBasis.valueOf(rs.getString("basis")), JdbiMoveOutCertificates.certificate(rs, ctx));
    }
}
