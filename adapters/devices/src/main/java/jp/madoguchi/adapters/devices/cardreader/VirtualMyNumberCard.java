package jp.madoguchi.adapters.devices.cardreader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.resident.IndividualNumber;

/**
 * An APDU-level My Number Card for tests and the demo: its 券面事項入力補助AP holds a 基本4情報 file in the card's
 * BER-TLV layout, a 個人番号 file and a 4-digit PIN with three tries that only a correct PIN (or the counter's
 * reset) restores. It answers SELECT, VERIFY and READ BINARY with the card's status words, so the real
 * {@link TextApCardReader} code runs against it. Faults can be set up: a missing file, a file cut short,
 * a blocked PIN, a card without the AP.
 */
public final class VirtualMyNumberCard implements VirtualCard {

    private static final int TRIES = 3;

    private final Map<Integer, byte[]> files = new HashMap<>();
    private final CardFace face;
    private final String pin;
    private final boolean hasTextAp;
    private int triesLeft = TRIES;
    private boolean apSelected;
    private boolean verified;
    private Integer selectedFile;

    private VirtualMyNumberCard(CardFace face, String pin, boolean hasTextAp) {
        this.face = face;
        this.pin = pin;
        this.hasTextAp = hasTextAp;
    }

    public static VirtualMyNumberCard of(CardFace face, IndividualNumber number, String pin) {
        VirtualMyNumberCard card = new VirtualMyNumberCard(face, pin, true);
        card.files.put(TextApCardReader.EF_BASIC_FOUR, basicFour(face));
        card.files.put(TextApCardReader.EF_INDIVIDUAL_NUMBER, tlv(TextApCardReader.TAG_INDIVIDUAL_NUMBER,
                number.reveal().getBytes(StandardCharsets.US_ASCII)));
        return card;
    }

    /** A contactless card that is not a My Number Card (a transport IC card, say). */
    public static VirtualMyNumberCard foreignCard() {
        return new VirtualMyNumberCard(null, "0000", false);
    }

    public synchronized VirtualMyNumberCard withoutFile(int fid) {
        files.remove(fid);
        return this;
    }

    /** Cuts a file to {@code length} bytes while its TLV header still announces the whole. */
    public synchronized VirtualMyNumberCard truncated(int fid, int length) {
        files.put(fid, Arrays.copyOf(files.get(fid), length));
        return this;
    }

    public synchronized VirtualMyNumberCard blocked() {
        triesLeft = 0;
        return this;
    }

    /** 窓口での暗証番号の初期化. */
    public synchronized void resetPinCounter() {
        triesLeft = TRIES;
    }

    /** What is printed on the card (and held in its 基本4情報 file). */
    public CardFace face() {
        return face;
    }

    public synchronized int triesLeft() {
        return triesLeft;
    }

    /** A new contact with the reader: nothing selected, nothing verified. */
    @Override
    public synchronized void reset() {
        apSelected = false;
        verified = false;
        selectedFile = null;
    }

    @Override
    public synchronized byte[] transmit(byte[] apdu) {
        CardApdu command = CardApdu.parse(apdu);
        if (command == null) {
            return sw(0x6700);
        }
        return switch (command.ins()) {
            case 0xA4 -> select(command.p1(), command.data());
            case 0x20 -> verify(command.data());
            case 0xB0 -> readBinary(command.offset(), command.le());
            default -> sw(0x6D00);
        };
    }

    private byte[] select(int p1, byte[] data) {
        if (p1 == 0x04) {
            if (!hasTextAp || !Arrays.equals(data, TextApCardReader.TEXT_AP)) {
                return sw(0x6A82);
            }
            apSelected = true;
            verified = false;
            selectedFile = null;
            return sw(0x9000);
        }
        if (p1 == 0x02 && apSelected && data.length == 2) {
            int fid = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
            if (fid != TextApCardReader.EF_PIN && !files.containsKey(fid)) {
                return sw(0x6A82);
            }
            selectedFile = fid;
            return sw(0x9000);
        }
        return sw(0x6A86);
    }

    private byte[] verify(byte[] data) {
        if (selectedFile == null || selectedFile != TextApCardReader.EF_PIN) {
            return sw(0x6986);
        }
        if (data.length == 0) {
            return verified ? sw(0x9000) : sw(0x63C0 | triesLeft);
        }
        if (triesLeft == 0) {
            return sw(0x6983);
        }
        if (new String(data, StandardCharsets.US_ASCII).equals(pin)) {
            triesLeft = TRIES;
            verified = true;
            return sw(0x9000);
        }
        triesLeft--;
        return sw(0x63C0 | triesLeft);
    }

    private byte[] readBinary(int offset, int length) {
        if (selectedFile == null || !files.containsKey(selectedFile)) {
            return sw(0x6986);
        }
        if (!verified) {
            return sw(0x6982);
        }
        return CardApdu.readBinary(files.get(selectedFile), offset, length);
    }

    /** {@code FF 20 82 hh ll} then DF21 (offsets), DF22 氏名, DF23 住所, DF24 生年月日, DF25 性別, all UTF-8. */
    static byte[] basicFour(CardFace face) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] name = tlv(0xDF22, face.name().getBytes(StandardCharsets.UTF_8));
        byte[] address = tlv(0xDF23, face.address().getBytes(StandardCharsets.UTF_8));
        byte[] birth = tlv(0xDF24, face.birthDate().getBytes(StandardCharsets.UTF_8));
        byte[] sex = tlv(0xDF25, (face.sex() == null ? "0" : face.sex().code()).getBytes(StandardCharsets.US_ASCII));
        byte[] offsets = tlv(0xDF21, new byte[8]);
        body.writeBytes(offsets);
        body.writeBytes(name);
        body.writeBytes(address);
        body.writeBytes(birth);
        body.writeBytes(sex);
        byte[] content = body.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(0xFF);
        file.write(0x20);
        file.write(0x82);
        file.write(content.length >> 8);
        file.write(content.length & 0xFF);
        file.writeBytes(content);
        return file.toByteArray();
    }

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag >> 8);
        out.write(tag & 0xFF);
        if (value.length < 0x80) {
            out.write(value.length);
        } else if (value.length <= 0xFF) {
            out.write(0x81);
            out.write(value.length);
        } else {
            out.write(0x82);
            out.write(value.length >> 8);
            out.write(value.length & 0xFF);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] sw(int sw) {
        return CardApdu.sw(sw);
    }
}
