package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.ProcedureCatalogue
import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.Procedure

/** A small procedure master: two 市民課 procedures, one of 保険年金課 and one of 子育て支援課 (not at the kiosk). */
class FixedProcedureCatalogue implements ProcedureCatalogue {

    static final Department SHIMIN = new Department('SHIMIN', '市民課')
    static final Department HOKEN = new Department('HOKEN', '保険年金課')
    static final Department KOSODATE = new Department('KOSODATE', '子育て支援課')

    static final Procedure CERTIFICATE = new Procedure('RESIDENT_CERTIFICATE', '住民票の写し', SHIMIN, LifeEvent.CERTIFICATE)
    static final Procedure MOVE_IN = new Procedure('MOVE_IN_NOTIFICATION', '転入届', SHIMIN, LifeEvent.MOVE_IN)
    static final Procedure NHI = new Procedure('NHI_ENROLMENT', '国民健康保険の加入', HOKEN, LifeEvent.MOVE_IN)
    static final Procedure CHILD_ALLOWANCE = new Procedure('CHILD_ALLOWANCE_CLAIM', '児童手当の認定請求', KOSODATE, LifeEvent.MOVE_IN)
    static final Procedure CARD_FACE_CHANGE = new Procedure('CARD_FACE_CHANGE', 'マイナンバーカードの券面記載事項変更', SHIMIN, LifeEvent.MOVE_WITHIN_CITY)
    static final Procedure SEAL_CERTIFICATE = new Procedure('SEAL_CERTIFICATE', '印鑑登録証明書', SHIMIN, LifeEvent.CERTIFICATE)

    @Override
    List<Procedure> all() {
        [CERTIFICATE, MOVE_IN, NHI, CHILD_ALLOWANCE, SEAL_CERTIFICATE, CARD_FACE_CHANGE]
    }

    @Override
    List<Procedure> offeredAtKiosk() {
        [CERTIFICATE, MOVE_IN, NHI]
    }

    @Override
    List<Department> departments() {
        [SHIMIN, HOKEN, KOSODATE]
    }

    @Override
    Optional<Procedure> find(String code) {
        Optional.ofNullable(all().find { it.code() == code })
    }
}
