package jp.madoguchi.staff.web;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.FindReceptionsUseCase;
import jp.madoguchi.domain.reception.OtherDepartmentRejection;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.staff.security.StaffPrincipal;

/**
 * Checks the department scope before a reception page is drawn, so a member of another 担当課 sees the refusal
 * instead of a half-drawn page. The rule itself is the domain's ({@code Reception.requireServedBy}), which every use
 * case applies again.
 */
@Singleton
public class ReceptionAccess {

    private final FindReceptionsUseCase receptions;

    public ReceptionAccess(FindReceptionsUseCase receptions) {
        this.receptions = receptions;
    }

    public void requireServed(Authentication authentication, String number) {
        receptions.departmentOf(StaffPrincipal.city(authentication), ReceptionNumber.parse(number))
                .filter(d -> !StaffPrincipal.operator(authentication).serves(d.code()))
                .ifPresent(d -> {
                    throw new OtherDepartmentRejection(d);
                });
    }
}
