package jp.madoguchi.domain.enrolment;

import java.time.LocalDate;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 資格: one period in one of the insurance schemes the 住民票 records (国保, 後期高齢者医療, 介護保険), as the
 * scheme's own system delivered it. {@code detail} is the scheme's extra item (要介護状態区分 for 介護).
 */
public record InsuranceEnrolment(Scheme scheme, String insuredNumber, LocalDate acquiredOn, LocalDate lostOn,
                                 String detail) {

    public enum Scheme {
        NATIONAL_HEALTH_INSURANCE("国民健康保険"),
        LATE_STAGE_ELDERLY("後期高齢者医療"),
        LONG_TERM_CARE("介護保険");

        private final String label;

        Scheme(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public InsuranceEnrolment {
        if (scheme == null) {
            throw new Rejection("enrolment.insurance-enrolment", "制度がありません");
        }
        if (acquiredOn != null && lostOn != null && lostOn.isBefore(acquiredOn)) {
            throw new Rejection("enrolment.insurance-enrolment", scheme.label() + "の資格喪失年月日が資格取得年月日より前です");
        }
    }

    /** 資格あり on {@code day}: acquired on or before it and not lost by then. */
    public boolean activeOn(LocalDate day) {
        return (acquiredOn == null || !acquiredOn.isAfter(day)) && (lostOn == null || lostOn.isAfter(day));
    }
}
