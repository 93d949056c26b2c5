package jp.madoguchi.domain.enrolment;

import java.time.LocalDate;

import jp.madoguchi.domain.shared.Rejection;

/**
 * 国民年金の資格. The 基礎年金番号 is sensitive and stays sealed in the replica; this value only says which
 * 種別 and when.
 */
public record PensionEnrolment(Category category, LocalDate acquiredOn, LocalDate lostOn) {

    public enum Category {
        FIRST("1", "第1号被保険者"),
        THIRD("3", "第3号被保険者"),
        VOLUNTARY("4", "任意加入被保険者");

        private final String code;
        private final String label;

        Category(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Category fromCode(String code) {
            for (Category c : values()) {
                if (c.code.equals(code)) {
                    return c;
                }
            }
            throw new Rejection("enrolment.pension-enrolment", "国民年金の種別コード「" + code + "」は 1、3、4 のいずれかです");
        }
    }

    public PensionEnrolment {
        if (category == null) {
            throw new Rejection("enrolment.pension-enrolment", "国民年金の種別がありません");
        }
    }

    public boolean activeOn(LocalDate day) {
        return (acquiredOn == null || !acquiredOn.isAfter(day)) && (lostOn == null || lostOn.isAfter(day));
    }
}
