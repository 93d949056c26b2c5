package jp.madoguchi.domain.moving;

import java.time.LocalDate;
import java.util.Objects;

import jp.madoguchi.domain.resident.Sex;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Rejection;

/**
 * 転出証明書 (or, under 特例転入, the 転出証明書情報 the former city sent): what a 転入届 is filled from. It comes from
 * the certificate's 2D code or from the linkage replica (001o009), never from what the visitor types.
 *
 * @param birthDate   {@code null} for a 不詳日, then {@code birthNotation} says what is known
 * @param plannedMoveOutOn 転出予定日
 * @param statuses    国保・後期高齢・介護・年金・児童手当 as the former city wrote them
 */
public record MoveOutCertificate(String certificateNumber, LocalGovernmentCode fromCity, String name, String nameKana,
                                 LocalDate birthDate, String birthNotation, Sex sex, String relationship,
                                 String headOfHouseholdName, String previousAddress, String destinationAddress,
                                 LocalDate plannedMoveOutOn, String domicile, String domicileHead,
                                 BusinessStatuses statuses) {

    public MoveOutCertificate {
        Objects.requireNonNull(fromCity, "転出元の市区町村がありません");
        if (name == null || name.isBlank()) {
            throw new Rejection("moving.move-out-certificate", "転出証明書に氏名がありません");
        }
        if (birthDate == null && (birthNotation == null || birthNotation.isBlank())) {
            throw new Rejection("moving.move-out-certificate", "転出証明書に生年月日がありません");
        }
        statuses = statuses == null ? BusinessStatuses.NONE : statuses;
    }

    /** 生年月日 as a clerk reads it. */
    public String birthDateForDisplay() {
        return birthDate == null ? birthNotation : birthDate.toString();
    }

    /** 国保・後期高齢者医療・介護保険・国民年金・児童手当 on the certificate (free text, {@code null} when not stated). */
    public record BusinessStatuses(String nationalHealthInsurance, String lateStageElderly, String longTermCare,
                                   String nationalPension, String childAllowance) {

        public static final BusinessStatuses NONE = new BusinessStatuses(null, null, null, null, null);
    }
}
