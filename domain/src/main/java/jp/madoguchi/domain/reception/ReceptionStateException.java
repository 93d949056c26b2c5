package jp.madoguchi.domain.reception;

/** A step the visit's current state does not allow; the message is for the clerk. */
public class ReceptionStateException extends RuntimeException {

    public ReceptionStateException(String message) {
        super(message);
    }
}
