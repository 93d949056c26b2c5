package jp.madoguchi.adapters.devices.cardreader;

/** The reader a card is put on: it connects to the card and holds it exclusively until the channel is closed. */
public interface CardTerminal {

    /** @throws CardAccessException when there is no reader, no reader service or no card */
    ApduChannel connect() throws CardAccessException;
}
