package jp.madoguchi.application.port.in;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.HexFormat;

import jp.madoguchi.application.port.out.ConcurrentUpdateException;
import jp.madoguchi.domain.reception.ReceptionStateException;
import jp.madoguchi.domain.shared.Rejection;

/**
 * What a screen (or a command's output) may say when a use case fails. A {@link Rejection}, a step the visit's state
 * does not allow and a concurrent edit are meant for the person in front of it, in their own words. Anything else is
 * a fault: its message may name a class, an enum constant or a column, so it is logged with a reference number and the
 * screen shows that number instead.
 */
public final class ScreenMessage {

    private static final System.Logger LOG = System.getLogger("jp.madoguchi.faults");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScreenMessage() {
    }

    public static boolean isForThePerson(Throwable e) {
        return e instanceof Rejection || e instanceof ReceptionStateException || e instanceof ConcurrentUpdateException;
    }

    /** The words for the screen; for a fault, also its log entry. */
    public static String of(Throwable e) {
        if (isForThePerson(e)) {
            return e.getMessage();
        }
        String reference = reference();
        LOG.log(Level.ERROR, "処理できない例外（参照番号 " + reference + "）", e);
        return "処理できませんでした（参照番号 " + reference + "）。もう一度お試しください。"
                + "続くときは、この参照番号をシステム担当にお伝えください";
    }

    private static String reference() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
