package jp.madoguchi.application.port.out;

/** Another operator changed the record after it was read; nothing was overwritten. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
