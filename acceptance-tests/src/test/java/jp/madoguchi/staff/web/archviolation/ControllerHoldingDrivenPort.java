package jp.madoguchi.staff.web.archviolation;

import jp.madoguchi.application.port.out.OneTimePasswords;

/** Deliberately wrong: a controller holding a driven port (the login page once held OneTimePasswords). */
public class ControllerHoldingDrivenPort {

    private final OneTimePasswords oneTimePasswords;

    public ControllerHoldingDrivenPort(OneTimePasswords oneTimePasswords) {
        this.oneTimePasswords = oneTimePasswords;
    }

    public String code(String secret) {
        return oneTimePasswords.currentCode(secret, java.time.Instant.EPOCH);
    }
}
