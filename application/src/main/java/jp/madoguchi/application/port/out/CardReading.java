package jp.madoguchi.application.port.out;

import jp.madoguchi.domain.identity.CardFace;

/** What a card read produced: the card face, or a failure with a message for the person at the screen. */
public sealed interface CardReading {

    record Read(CardFace face) implements CardReading {
    }

    /**
     * The read failed. {@code message} is Japanese, for the citizen or clerk at the terminal.
     *
     * @param triesLeft remaining PIN tries when the PIN was wrong, else -1
     */
    record Failed(Reason reason, String message, int triesLeft) implements CardReading {
    }

    enum Reason {
        NO_READER, NO_CARD, WRONG_PIN, PIN_BLOCKED, UNREADABLE
    }
}
