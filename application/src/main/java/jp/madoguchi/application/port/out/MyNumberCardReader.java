package jp.madoguchi.application.port.out;

import jp.madoguchi.domain.identity.CardPin;

/**
 * The My Number Card reader at the terminal (PC/SC in production, an APDU-level card simulator in tests and the
 * demo). It runs on the kiosk or counter PC, in the terminal agent; the PIN never leaves that PC.
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
}
