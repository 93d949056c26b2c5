package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.reception.PrefilledForm;
import jp.madoguchi.domain.reception.PrefilledForm.Field;
import jp.madoguchi.domain.reception.PrefilledForm.Section;
import jp.madoguchi.domain.reception.Reception;
import jp.madoguchi.domain.resident.Resident;

/**
 * 住民票の写し等交付申請書, filled for a 本人 request: the requester and the person concerned are the identified
 * resident, one copy of the 世帯全員 certificate without 本籍 or 個人番号 (the safe default; staff change it in
 * the hearing). The items follow 標準仕様 5.1.
 */
final class ResidentCertificateRequestForm {

    static final String FORM_ID = "RESIDENT_CERTIFICATE_REQUEST";

    private ResidentCertificateRequestForm() {
    }

    static PrefilledForm fill(Reception reception, Resident resident, String municipality, LocalDate today) {
        String address = resident.address().fullText();
        String name = resident.name().name();
        return new PrefilledForm(FORM_ID, "住民票の写し等交付申請書", reception.number(),
                ReceptionReference.of(reception), municipality, List.of(
                new Section("請求者（窓口に来た方）", List.of(
                        Field.text("請求日", WarekiDate.of(today, EraTable.standard()).format()),
                        Field.name("住所", address),
                        Field.name("氏名", name),
                        Field.text("フリガナ", resident.name().nameKana()),
                        Field.text("生年月日", resident.birthDateForDisplay()),
                        Field.text("必要な方との関係", "本人"))),
                new Section("必要な方", List.of(
                        Field.name("住所", address),
                        Field.name("氏名", name),
                        Field.text("生年月日", resident.birthDateForDisplay()),
                        Field.name("世帯主", resident.headOfHouseholdName() == null ? "" : resident.headOfHouseholdName()))),
                new Section("必要な証明", List.of(
                        Field.text("種類", "住民票の写し"),
                        Field.text("範囲", "世帯全員"),
                        Field.text("記載事項", "世帯主・続柄（本籍・筆頭者、個人番号、住民票コードは省略）"),
                        Field.text("通数", "1通"),
                        Field.text("使用目的", "本人による請求"),
                        Field.text("本人確認書類", "個人番号カード（記載台で確認済み）")))));
    }
}
