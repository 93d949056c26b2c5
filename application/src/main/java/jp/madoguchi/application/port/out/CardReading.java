package jp.madoguchi.application.port.out;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.resident.IndividualNumber;

/** What a card read produced: the card face, or a failure with a message for the person at the screen. */
public sealed interface CardReading {

    /**
     * The card was read.
     *
     * @param individualNumber the 個人番号, only when it was asked for (the procedure needs it and the role allows
     *                         it), else {@code null}
     */
    record Read(CardFace face, IndividualNumber individualNumber) implements CardReading {

        public Read(CardFace face) {
            this(face, null);
        }
    }

    /**
     * A 在留カード (or 特別永住者証明書) whose chip authenticated with the number printed on it: the chip holds no
     * text of the name, so the registry is looked up by the number.
     *
     * @param kind 在留カード or 特別永住者証明書, as the chip's カード種別 says
     */
    record ResidenceCard(String cardNumber, String kind) implements CardReading {
    }

    /** The card is on the reader and its PIN can be tried {@code triesLeft} more times (read without verifying). */
    record Ready(int triesLeft) implements CardReading {
    }

    /**
     * The read failed. {@code message} is Japanese, for the citizen or clerk at the terminal.
     *
     * @param triesLeft remaining PIN tries when the PIN was wrong, else -1
     */
    record Failed(Reason reason, String message, int triesLeft) implements CardReading {

        public Failed(Reason reason, String message) {
            this(reason, message, -1);
        }
    }

    enum Reason {
        /** No reader is connected to this terminal. */
        NO_READER,
        /** The PC/SC service (pcscd, スマートカードサービス) is not running. */
        READER_SERVICE_DOWN,
        NO_CARD,
        /** The card on the reader is not a My Number Card (its 券面事項入力補助AP is missing). */
        NOT_A_MY_NUMBER_CARD,
        WRONG_PIN,
        PIN_BLOCKED,
        /** A file is missing or its data is cut short or malformed. */
        UNREADABLE,
        /** The card answered with a status word the reader does not expect. */
        UNEXPECTED_STATUS,
        /** A reading that did not come from a paired terminal for a challenge the server issued, or came twice. */
        UNTRUSTED_READING
    }
}
