package jp.madoguchi.adapters.devices.cardreader;

import java.util.Optional;

import jp.madoguchi.application.port.out.CardReading;

/**
 * A reader with a {@link VirtualCard} on it (a My Number Card, a driving licence, or none), for the demo and the tests. Each connection is a new
 * contact with the card: selections and a verified PIN do not carry over, the PIN counter does.
 */
public final class SimulatedCardTerminal implements CardTerminal {

    private volatile VirtualCard card;

    public SimulatedCardTerminal(VirtualCard card) {
        this.card = card;
    }

    /** Puts a card on the reader, or takes it away with {@code null}. */
    public void place(VirtualCard card) {
        this.card = card;
    }

    public Optional<VirtualCard> card() {
        return Optional.ofNullable(card);
    }

    @Override
    public ApduChannel connect() throws CardAccessException {
        VirtualCard current = card;
        if (current == null) {
            throw new CardAccessException(CardReading.Reason.NO_CARD, "カードをカードリーダーに置いてください。");
        }
        current.reset();
        return new ApduChannel() {
            @Override
            public byte[] transmit(byte[] command) {
                return current.transmit(command);
            }

            @Override
            public void close() {
                current.reset();
            }
        };
    }
}
