package jp.madoguchi.application.service;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.domain.calendar.EraTable;
import jp.madoguchi.domain.calendar.WarekiDate;
import jp.madoguchi.domain.moving.MoveIn;
import jp.madoguchi.domain.moving.MoveOutCertificate;
import jp.madoguchi.domain.reception.PrefilledForm;
import jp.madoguchi.domain.reception.PrefilledForm.Field;
import jp.madoguchi.domain.reception.PrefilledForm.Section;
import jp.madoguchi.domain.reception.Reception;

/**
 * 住民異動届（転入）, filled from the 転出証明書: who moves, from where, 本籍, and the former city's business statuses
 * for the 国保・年金・児童手当 counters. The new address and the date of moving in are heard at the counter, so
 * they stay empty here.
 */
final class MoveInNotificationForm {

    static final String FORM_ID = "MOVE_IN_NOTIFICATION";

    private MoveInNotificationForm() {
    }

    static PrefilledForm fill(Reception reception, MoveIn moveIn, String municipality, LocalDate today) {
        MoveOutCertificate c = moveIn.certificate();
        MoveOutCertificate.BusinessStatuses s = c.statuses();
        return new PrefilledForm(FORM_ID, "住民異動届（転入）", reception.number(), ReceptionReference.of(reception), municipality,
                List.of(
                        new Section("届出", List.of(
                                Field.text("届出日", wareki(today)),
                                Field.text("異動の種類", "転入"),
                                Field.text("転入の根拠", moveIn.basis().label()),
                                Field.text("転出証明書番号", c.certificateNumber()),
                                Field.text("転出予定日", c.plannedMoveOutOn() == null ? "" : wareki(c.plannedMoveOutOn())),
                                Field.name("新しい住所", ""),
                                Field.text("転入した日", ""))),
                        new Section("前の住所", List.of(
                                Field.name("住所", c.previousAddress()),
                                Field.name("転出先として届けた住所", c.destinationAddress()),
                                Field.name("世帯主", c.headOfHouseholdName()))),
                        new Section("異動する人", List.of(
                                Field.name("氏名", c.name()),
                                Field.text("フリガナ", c.nameKana()),
                                Field.text("生年月日", c.birthDate() == null ? c.birthNotation() : wareki(c.birthDate())),
                                Field.text("性別", c.sex() == null ? "" : c.sex().label()),
                                Field.text("続柄", c.relationship()),
                                Field.name("本籍", c.domicile()),
                                Field.name("筆頭者", c.domicileHead()))),
                        new Section("転出元での加入状況", List.of(
                                Field.text("国民健康保険", s.nationalHealthInsurance()),
                                Field.text("後期高齢者医療", s.lateStageElderly()),
                                Field.text("介護保険", s.longTermCare()),
                                Field.text("国民年金", s.nationalPension()),
                                Field.text("児童手当", s.childAllowance())))));
    }

    private static String wareki(LocalDate date) {
        return WarekiDate.of(date, EraTable.standard()).format();
    }
}
