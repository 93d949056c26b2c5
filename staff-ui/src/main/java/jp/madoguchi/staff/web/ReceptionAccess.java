package jp.madoguchi.staff.web;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.FindReceptionsUseCase;
import jp.madoguchi.domain.reception.ReceptionNumber;
import jp.madoguchi.staff.security.StaffPrincipal;

/** A member of one 担当課 works on that department's receptions only (an unknown number is left to the page). */
@Singleton
public class ReceptionAccess {

    private final FindReceptionsUseCase receptions;

    public ReceptionAccess(FindReceptionsUseCase receptions) {
        this.receptions = receptions;
    }

    public void requireServed(Authentication authentication, String number) {
        receptions.departmentOf(StaffPrincipal.city(authentication), ReceptionNumber.parse(number))
                .filter(d -> !StaffPrincipal.serves(authentication, d.code()))
                .ifPresent(d -> {
                    throw new OtherDepartmentException("この受付は" + d.name() + "の受付です。" + d.name()
                            + "の職員が対応します（あなたの役割の担当課ではありません）。");
                });
    }

    /** A reception of a department the member does not serve. */
    public static final class OtherDepartmentException extends RuntimeException {
        OtherDepartmentException(String message) {
            super(message);
        }
    }
}
