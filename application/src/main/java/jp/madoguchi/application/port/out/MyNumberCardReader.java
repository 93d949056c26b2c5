package jp.madoguchi.application.port.out;

import jp.madoguchi.domain.identity.CardPin;

/**
 * The IC card reader at the terminal: the My Number Card, a driving licence or a 在留カード (PC/SC in production, an
 * APDU-level card simulator in tests and the demo). It runs on the kiosk or counter PC, in the terminal agent; the PIN
 * (and the 在留カード番号 that opens a 在留カード) never leaves that PC.
 */
public interface MyNumberCardReader {

    /** Whether a card is on the reader and how many PIN tries it has left; never tries a PIN. */
    CardReading status();

    /**
     * Reads the remaining tries first and refuses a blocked card without verifying; then verifies the PIN once
     * and reads the 基本4情報, and the 個人番号 only when {@code individualNumber} is asked for. Never retries a PIN
     * by itself.
     */
    CardReading read(CardPin pin, boolean individualNumber);

    /**
     * 在留カード (or 特別永住者証明書): opens the chip with the number printed on the card, which only that card
     * accepts; {@link CardReading.ResidenceCard} when it did. A reader that cannot says so.
     */
    default CardReading readResidenceCard(String cardNumber) {
        return new CardReading.Failed(CardReading.Reason.UNREADABLE, "この読み取り機では在留カードを読み取れません。職員にお声がけください。");
    }
}
