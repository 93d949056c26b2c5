package jp.madoguchi.domain.reception;

import jp.madoguchi.domain.procedure.Department;
import jp.madoguchi.domain.shared.Rejection;

/** A reception of a 担当課 the member of staff does not serve: shown as 「ほかの課の受付」, never acted on. */
public final class OtherDepartmentRejection extends Rejection {

    public OtherDepartmentRejection(Department department) {
        super("reception.other-department", "この受付は" + department.name() + "の受付です。" + department.name()
                + "の職員が対応します（あなたの役割の担当課ではありません）。");
    }
}
