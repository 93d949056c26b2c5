package jp.madoguchi.adapters.devices.cardreader;

import java.security.NoSuchAlgorithmException;
import java.util.List;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;

import jp.madoguchi.application.port.out.CardReading;

/**
 * A contact or contactless reader through PC/SC ({@code javax.smartcardio}, docs/architecture.md, domain facts §3.7). It asks for the
 * PC/SC provider by name, because {@code TerminalFactory.getDefault()} silently returns an empty factory when
 * the reader service is not running, which would look like "no reader" instead of "service down".
 */
public final class PcscCardTerminal implements CardTerminal {

    private final String readerName;

    /** @param readerName part of the reader's name to use, or blank for the first reader with a card */
    public PcscCardTerminal(String readerName) {
        this.readerName = readerName == null ? "" : readerName.strip();
    }

    @Override
    public ApduChannel connect() throws CardAccessException {
        List<javax.smartcardio.CardTerminal> readers = readers();
        javax.smartcardio.CardTerminal chosen = null;
        try {
            for (javax.smartcardio.CardTerminal reader : readers) {
                if ((readerName.isEmpty() || reader.getName().contains(readerName)) && reader.isCardPresent()) {
                    chosen = reader;
                    break;
                }
            }
            if (chosen == null) {
                throw new CardAccessException(CardReading.Reason.NO_CARD, "カードをカードリーダーに置いてください。");
            }
            Card card = chosen.connect("*");
            // no other process may step in between VERIFY and READ BINARY
            card.beginExclusive();
            return new Held(card, card.getBasicChannel());
        } catch (CardException e) {
            throw classify(e);
        }
    }

    private static List<javax.smartcardio.CardTerminal> readers() throws CardAccessException {
        TerminalFactory factory;
        try {
            factory = TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException e) {
            throw classify(e);
        }
        try {
            List<javax.smartcardio.CardTerminal> readers = factory.terminals().list();
            if (readers.isEmpty()) {
                throw noReader(null);
            }
            return readers;
        } catch (CardException e) {
            throw classify(e);
        }
    }

    /** Turns the PC/SC error codes hidden in exception messages into a reason the person at the screen can act on. */
    static CardAccessException classify(Throwable e) {
        String chain = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain += " " + t.getMessage();
        }
        if (chain.contains("SCARD_E_NO_SERVICE") || chain.contains("SCARD_E_SERVICE_STOPPED")) {
            return new CardAccessException(CardReading.Reason.READER_SERVICE_DOWN,
                    "カードリーダーのサービス（pcscd／スマートカードサービス）が動いていません。端末の管理者に連絡してください。", e);
        }
        if (chain.contains("SCARD_E_NO_READERS_AVAILABLE") || chain.contains("SCARD_E_UNKNOWN_READER")
                || chain.contains("SCARD_E_READER_UNAVAILABLE")) {
            return noReader(e);
        }
        if (chain.contains("SCARD_W_REMOVED_CARD") || chain.contains("SCARD_E_NO_SMARTCARD")) {
            return new CardAccessException(CardReading.Reason.NO_CARD, "カードが離れました。カードをカードリーダーに置いたままにしてください。", e);
        }
        if (e instanceof NoSuchAlgorithmException) {
            // the PC/SC library itself (libpcsclite) is missing
            return new CardAccessException(CardReading.Reason.READER_SERVICE_DOWN,
                    "カードリーダーを使う仕組み（PC/SC）がこの端末にありません。端末の管理者に連絡してください。", e);
        }
        return new CardAccessException(CardReading.Reason.UNREADABLE, "カードと通信できませんでした。カードを置き直してください。", e);
    }

    private static CardAccessException noReader(Throwable cause) {
        return new CardAccessException(CardReading.Reason.NO_READER,
                "カードリーダーが見つかりません。接続を確かめてください。", cause);
    }

    private record Held(Card card, CardChannel channel) implements ApduChannel {

        @Override
        public byte[] transmit(byte[] command) throws CardAccessException {
            try {
                return channel.transmit(new CommandAPDU(command)).getBytes();
            } catch (CardException | IllegalStateException e) {
                throw classify(e);
            }
        }

        @Override
        public void close() {
            try {
                card.endExclusive();
            } catch (CardException | IllegalStateException e) {
                // the card was taken away: nothing is held any more
            }
            try {
                card.disconnect(false);
            } catch (CardException e) {
                // already gone
            }
        }
    }
}
