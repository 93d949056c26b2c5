package jp.madoguchi.adapters.cardreader;

import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.application.port.out.MyNumberCardReader;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.identity.CardPin;

/**
 * A My Number Card that is always on the reader: it holds a card face and a 4-digit PIN with the card's
 * rule of three tries, after which it stays blocked until reset at the counter. Used by the demo and the
 * tests until the PC/SC adapter and its APDU-level simulator arrive.
 */
public class SimulatedMyNumberCardReader implements MyNumberCardReader {

    static final int TRIES = 3;

    private final CardFace face;
    private final String pin;
    private int triesLeft = TRIES;

    public SimulatedMyNumberCardReader(CardFace face, String pin) {
        this.face = face;
        this.pin = new CardPin(pin).digits();
    }

    @Override
    public synchronized CardReading readCardFace(CardPin entered) {
        if (triesLeft == 0) {
            return blocked();
        }
        if (!pin.equals(entered.digits())) {
            triesLeft--;
            if (triesLeft == 0) {
                return blocked();
            }
            return new CardReading.Failed(CardReading.Reason.WRONG_PIN,
                    "暗証番号が違います。あと" + triesLeft + "回間違えるとカードがロックされます。", triesLeft);
        }
        triesLeft = TRIES;
        return new CardReading.Read(face);
    }

    /** 窓口での暗証番号の初期化 (for the demo and tests). */
    public synchronized void resetPinCounter() {
        triesLeft = TRIES;
    }

    public CardFace face() {
        return face;
    }

    private static CardReading blocked() {
        return new CardReading.Failed(CardReading.Reason.PIN_BLOCKED,
                "暗証番号がロックされています。お手数ですが窓口で職員にお申し出ください。", 0);
    }
}
