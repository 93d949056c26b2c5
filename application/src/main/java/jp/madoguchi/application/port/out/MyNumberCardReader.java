package jp.madoguchi.application.port.out;

import jp.madoguchi.domain.identity.CardPin;

/** The My Number Card reader at the terminal (PC/SC in production, an APDU simulator in tests and the demo). */
public interface MyNumberCardReader {

    /** Verifies the PIN and reads the 基本4情報; never retries a PIN by itself. */
    CardReading readCardFace(CardPin pin);
}
