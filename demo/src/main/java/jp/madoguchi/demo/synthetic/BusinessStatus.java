package jp.madoguchi.demo.synthetic;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.domain.resident.AddresseeNumber;

/**
 * What the business systems record for one person: 国保, 後期高齢者医療, 介護保険, 国民年金, 児童手当 (as recipient),
 * the My Number Card and 印鑑登録. Null dates mean "not enrolled".
 *
 * @param pensionCategory 国民年金の種別: "1" 第1号, "3" 第3号, or null
 * @param childAllowanceFor 宛名番号 of the children this person receives 児童手当 for
 * @param residentSince     住民となった年月日 (the day of birth or of moving in)
 */
public record BusinessStatus(
        AddresseeNumber resident,
        String residentRecordCode,
        LocalDate nationalHealthInsuranceSince,
        LocalDate lateStageElderlyInsuranceSince,
        LocalDate longTermCareInsuranceSince,
        String careLevel,
        String pensionCategory,
        LocalDate pensionSince,
        String basicPensionNumber,
        List<AddresseeNumber> childAllowanceFor,
        LocalDate childAllowanceSince,
        LocalDate cardExpires,
        String sealRegistrationNumber,
        LocalDate residentSince) {

    public BusinessStatus {
        childAllowanceFor = List.copyOf(childAllowanceFor);
    }
}
