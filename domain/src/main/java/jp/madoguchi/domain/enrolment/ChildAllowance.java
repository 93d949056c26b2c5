package jp.madoguchi.domain.enrolment;

import java.time.YearMonth;

import jp.madoguchi.domain.resident.AddresseeNumber;
import jp.madoguchi.domain.shared.Rejection;

/** 児童手当の受給: who receives it for which child, from which month, until which month (open when null). */
public record ChildAllowance(AddresseeNumber recipient, AddresseeNumber child, YearMonth from, YearMonth until) {

    public ChildAllowance {
        if (recipient == null || child == null) {
            throw new Rejection("enrolment.child-allowance", "受給者と対象児童の宛名番号が必要です");
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw new Rejection("enrolment.child-allowance", "児童手当の支給終了年月が支給開始年月より前です");
        }
    }
}
