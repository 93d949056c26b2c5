package jp.madoguchi.adapters.postgres;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.domain.enrolment.CardStatus;
import jp.madoguchi.domain.enrolment.ChildAllowance;
import jp.madoguchi.domain.enrolment.Enrolments;
import jp.madoguchi.domain.enrolment.InsuranceEnrolment;
import jp.madoguchi.domain.enrolment.InsuranceEnrolment.Scheme;
import jp.madoguchi.domain.enrolment.PensionEnrolment;
import jp.madoguchi.domain.resident.AddresseeNumber;
import org.jdbi.v3.core.Handle;

/** Reads one resident's rows from the business replica tables (023o002, 024o007, 025o005, 026o001, 027o003, 001o013). */
final class EnrolmentQueries {

    private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("uuuuMM");

    private final Handle h;
    private final String city;
    private final String number;

    EnrolmentQueries(Handle h, String city, String number) {
        this.h = h;
        this.city = city;
        this.number = number;
    }

    Enrolments load(AddresseeNumber resident) {
        List<InsuranceEnrolment> insurances = new ArrayList<>();
        insurances.addAll(insurance(Scheme.NATIONAL_HEALTH_INSURANCE,
                "SELECT symbol_number AS insured, acquired_on, lost_on, NULL AS detail FROM national_health_insurance"));
        insurances.addAll(insurance(Scheme.LATE_STAGE_ELDERLY,
                "SELECT insured_number AS insured, acquired_on, lost_on, NULL AS detail FROM late_stage_elderly_insurance"));
        insurances.addAll(insurance(Scheme.LONG_TERM_CARE,
                "SELECT insured_number AS insured, acquired_on, lost_on, care_level AS detail FROM long_term_care_insurance"));
        PensionEnrolment pension = h.createQuery("SELECT category, acquired_on, lost_on FROM national_pension"
                        + " WHERE city_code = :city AND addressee_number = :number")
                .bind("city", city).bind("number", number)
                .map((rs, ctx) -> new PensionEnrolment(PensionEnrolment.Category.fromCode(rs.getString("category")),
                        date(rs.getDate("acquired_on")), date(rs.getDate("lost_on"))))
                .findOne().orElse(null);
        List<ChildAllowance> allowances = h.createQuery("SELECT recipient_number, child_number, paid_from, paid_until"
                        + " FROM child_allowance WHERE city_code = :city AND (recipient_number = :number OR child_number = :number)"
                        + " ORDER BY recipient_number, child_number")
                .bind("city", city).bind("number", number)
                .map((rs, ctx) -> new ChildAllowance(new AddresseeNumber(rs.getString("recipient_number")),
                        new AddresseeNumber(rs.getString("child_number")), month(rs.getString("paid_from")),
                        month(rs.getString("paid_until"))))
                .list();
        CardStatus card = h.createQuery("SELECT * FROM card_status WHERE city_code = :city AND addressee_number = :number")
                .bind("city", city).bind("number", number)
                .map((rs, ctx) -> new CardStatus(rs.getBoolean("card_issued"), date(rs.getDate("card_expires")),
                        date(rs.getDate("signing_certificate_expires")),
                        date(rs.getDate("authentication_certificate_expires")), rs.getBoolean("seal_registered"),
                        rs.getString("seal_registration_number")))
                .findOne().orElse(null);
        return new Enrolments(resident, insurances, pension, allowances, card);
    }

    private List<InsuranceEnrolment> insurance(Scheme scheme, String select) {
        return h.createQuery(select + " WHERE city_code = :city AND addressee_number = :number")
                .bind("city", city).bind("number", number)
                .map((rs, ctx) -> new InsuranceEnrolment(scheme, rs.getString("insured"), date(rs.getDate("acquired_on")),
                        date(rs.getDate("lost_on")), rs.getString("detail")))
                .list();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static YearMonth month(String text) {
        return text == null ? null : YearMonth.parse(text, YEAR_MONTH);
    }
}
