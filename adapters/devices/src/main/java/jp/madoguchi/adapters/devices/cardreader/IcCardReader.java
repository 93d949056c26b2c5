package jp.madoguchi.adapters.devices.cardreader;

import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.application.port.out.MyNumberCardReader;
import jp.madoguchi.domain.identity.CardPin;

/**
 * The reader at a kiosk or counter PC for every card a visitor may identify with: a My Number Card first (its
 * 券面事項入力補助AP), and when the card on the reader has none, a driving licence (its DF1, 暗証番号1). Both PINs
 * are four digits, so the same keypad serves; each card's own reader verifies its own PIN once. A 在留カード is
 * opened with its number instead of a PIN, on its own request.
 */
public final class IcCardReader implements MyNumberCardReader {

    private final TextApCardReader myNumberCard;
    private final DriversLicenseReader licence;
    private final ResidenceCardReader residenceCard;

    public IcCardReader(CardTerminal terminal) {
        this.myNumberCard = new TextApCardReader(terminal);
        this.licence = new DriversLicenseReader(terminal);
        this.residenceCard = new ResidenceCardReader(terminal);
    }

    @Override
    public CardReading readResidenceCard(String cardNumber) {
        return residenceCard.read(cardNumber);
    }

    @Override
    public CardReading status() {
        CardReading status = myNumberCard.status();
        return notMyNumberCard(status) ? licence.status() : status;
    }

    @Override
    public CardReading read(CardPin pin, boolean individualNumber) {
        CardReading reading = myNumberCard.read(pin, individualNumber);
        // a licence has no 個人番号: a procedure that wanted it (特例転入) finds the person by name and birth date
        return notMyNumberCard(reading) ? licence.read(pin) : reading;
    }

    private static boolean notMyNumberCard(CardReading reading) {
        return reading instanceof CardReading.Failed failed && failed.reason() == CardReading.Reason.NOT_A_MY_NUMBER_CARD;
    }
}
