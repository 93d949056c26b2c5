package jp.madoguchi.adapters.devices.cardreader;

/**
 * One card held exclusively for a read: command APDUs in, response APDUs (data and status word) out. The PC/SC
 * terminal and the virtual card both implement it, so {@link TextApCardReader} runs the same code on either.
 */
public interface ApduChannel extends AutoCloseable {

    /** Sends one command APDU and returns the response, data followed by SW1 SW2. */
    byte[] transmit(byte[] command) throws CardAccessException;

    /** Gives the card back (ends the exclusive hold). */
    @Override
    void close();
}
