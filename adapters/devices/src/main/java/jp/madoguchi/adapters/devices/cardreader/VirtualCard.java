package jp.madoguchi.adapters.devices.cardreader;

/**
 * A card the simulated reader can hold (a My Number Card, a driving licence): it answers command APDUs with the
 * real card's data layout and status words, so the real reader code runs against it.
 */
public interface VirtualCard {

    /** One command APDU in, the response (data, SW1, SW2) out. */
    byte[] transmit(byte[] apdu);

    /** A new contact with the reader: nothing selected, nothing verified (PIN counters are kept). */
    void reset();
}
