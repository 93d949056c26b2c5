package jp.madoguchi.adapters.devices.cardreader;

import jp.madoguchi.application.port.out.CardReading;

/** A reader or card problem, with the reason and a Japanese message for the person at the screen. */
public final class CardAccessException extends Exception {

    private final CardReading.Reason reason;

    public CardAccessException(CardReading.Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CardAccessException(CardReading.Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public CardReading.Reason reason() {
        return reason;
    }

    CardReading.Failed toReading() {
        return new CardReading.Failed(reason, getMessage());
    }
}
