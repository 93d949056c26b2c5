package jp.madoguchi.adapters.devices.cardreader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.smartcardio.CommandAPDU;

import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.application.port.out.MyNumberCardReader;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.identity.CardPin;
import jp.madoguchi.domain.resident.IndividualNumber;
import jp.madoguchi.domain.resident.Sex;

/**
 * Reads the My Number Card's 券面事項入力補助AP over any {@link CardTerminal} (docs/architecture.md, domain facts §3.2–§3.5): select the AP,
 * select the PIN file and read the remaining tries <em>before</em> verifying, verify the 4-digit PIN once, then
 * read the 基本4情報 (BER-TLV, UTF-8) and, only when asked, the 個人番号. The card is held exclusively from the
 * first SELECT to the last READ BINARY. The PIN goes to the card and nowhere else.
 */
public final class TextApCardReader implements MyNumberCardReader {

    static final byte[] TEXT_AP = HexFormat.of().parseHex("D3921000310001010408");
    static final int EF_INDIVIDUAL_NUMBER = 0x0001;
    static final int EF_BASIC_FOUR = 0x0002;
    static final int EF_PIN = 0x0011;
    static final int TAG_BASIC_FOUR = 0xFF20;
    static final int TAG_INDIVIDUAL_NUMBER = 0xFF10;
    private static final int TAG_NAME = 0xDF22;
    private static final int TAG_ADDRESS = 0xDF23;
    private static final int TAG_BIRTH_DATE = 0xDF24;
    private static final int TAG_SEX = 0xDF25;
    private static final int SW_OK = 0x9000;
    private static final int CHUNK = 0xFF;

    private final CardTerminal terminal;

    public TextApCardReader(CardTerminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public CardReading status() {
        try (ApduChannel card = terminal.connect()) {
            selectTextAp(card);
            return new CardReading.Ready(remainingTries(card));
        } catch (CardAccessException e) {
            return e.toReading();
        }
    }

    @Override
    public CardReading read(CardPin pin, boolean individualNumber) {
        try (ApduChannel card = terminal.connect()) {
            selectTextAp(card);
            int tries = remainingTries(card);
            if (tries == 0) {
                return blocked();
            }
            int sw = sw(card.transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80, pin.digits().getBytes(StandardCharsets.US_ASCII)).getBytes()));
            if ((sw & 0xFFF0) == 0x63C0) {
                int left = sw & 0x0F;
                return left == 0 ? blocked() : new CardReading.Failed(CardReading.Reason.WRONG_PIN,
                        "暗証番号が違います。あと" + left + "回間違えるとカードがロックされます。", left);
            }
            if (sw == 0x6983 || sw == 0x6984) {
                return blocked();
            }
            expect(sw, "暗証番号の照合");
            CardFace face = basicFour(readFile(card, EF_BASIC_FOUR, TAG_BASIC_FOUR));
            IndividualNumber number = individualNumber ? individualNumber(readFile(card, EF_INDIVIDUAL_NUMBER, TAG_INDIVIDUAL_NUMBER)) : null;
            return new CardReading.Read(face, number);
        } catch (CardAccessException e) {
            return e.toReading();
        } catch (BerTlv.MalformedTlvException | IllegalArgumentException e) {
            // the message names what was wrong, never the card's data
            return new CardReading.Failed(CardReading.Reason.UNREADABLE,
                    "カードの情報を読み取れませんでした（" + e.getMessage() + "）。カードを置き直して、もう一度お試しください。");
        }
    }

    private static void selectTextAp(ApduChannel card) throws CardAccessException {
        int sw = sw(card.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, TEXT_AP).getBytes()));
        if (sw == 0x6A82) {
            throw new CardAccessException(CardReading.Reason.NOT_A_MY_NUMBER_CARD,
                    "マイナンバーカードとして読み取れませんでした。置かれているカードをご確認ください。");
        }
        expect(sw, "券面事項入力補助APの選択");
        selectFile(card, EF_PIN);
    }

    /** VERIFY without data: the card answers 63 Cn with n tries left, and no try is used. */
    private static int remainingTries(ApduChannel card) throws CardAccessException {
        int sw = sw(card.transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80).getBytes()));
        if ((sw & 0xFFF0) == 0x63C0) {
            return sw & 0x0F;
        }
        if (sw == 0x6983 || sw == 0x6984) {
            return 0;
        }
        if (sw == SW_OK) {
            return 3; // already verified in this session: the counter is full
        }
        throw unexpected(sw, "暗証番号の残り回数の確認");
    }

    private static void selectFile(ApduChannel card, int fid) throws CardAccessException {
        int sw = sw(card.transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[]{(byte) (fid >> 8), (byte) fid}).getBytes()));
        if (sw == 0x6A82) {
            throw new CardAccessException(CardReading.Reason.UNREADABLE,
                    "カードに必要な情報（ファイル " + String.format("%04X", fid) + "）がありません。窓口で職員にお申し出ください。");
        }
        expect(sw, "ファイルの選択");
    }

    /** Reads a file holding one TLV: its first bytes give the length, the rest follows in chunks of ≤ 255 bytes. */
    private static byte[] readFile(ApduChannel card, int fid, int expectedTag) throws CardAccessException {
        selectFile(card, fid);
        byte[] head = readBinary(card, 0, 7);
        BerTlv.Header header = BerTlv.header(head, 0, head.length);
        if (header.tag() != expectedTag) {
            throw new BerTlv.MalformedTlvException("想定外のタグ " + Integer.toHexString(header.tag()).toUpperCase());
        }
        int total = header.totalLength();
        ByteArrayOutputStream data = new ByteArrayOutputStream(total);
        data.write(head, 0, Math.min(head.length, total));
        while (data.size() < total) {
            byte[] chunk = readBinary(card, data.size(), Math.min(CHUNK, total - data.size()));
            if (chunk.length == 0) {
                throw new BerTlv.MalformedTlvException("データが途中で切れています");
            }
            data.write(chunk, 0, chunk.length);
        }
        return Arrays.copyOf(data.toByteArray(), total);
    }

    private static byte[] readBinary(ApduChannel card, int offset, int length) throws CardAccessException {
        byte[] response = card.transmit(new CommandAPDU(0x00, 0xB0, offset >> 8, offset & 0xFF, length).getBytes());
        int sw = sw(response);
        if (sw == 0x6B00 || sw == 0x6282) {
            // past the end of the file, or fewer bytes than asked: the file is shorter than its TLV says
            if (response.length - 2 > 0 && sw == 0x6282) {
                return Arrays.copyOf(response, response.length - 2);
            }
            throw new BerTlv.MalformedTlvException("データが途中で切れています");
        }
        if (sw == 0x6982) {
            throw new CardAccessException(CardReading.Reason.UNREADABLE, "暗証番号の確認が済んでいないため読み取れません。もう一度お試しください。");
        }
        expect(sw, "読み出し");
        return Arrays.copyOf(response, response.length - 2);
    }

    static CardFace basicFour(byte[] file) {
        BerTlv.Header outer = BerTlv.header(file, 0, file.length);
        List<BerTlv> items = BerTlv.sequence(file, outer.headerLength(), outer.totalLength());
        String name = null;
        String address = null;
        String birth = null;
        String sex = null;
        for (BerTlv item : items) {
            String text = new String(item.value(), StandardCharsets.UTF_8).strip();
            switch (item.tag()) {
                case TAG_NAME -> name = text;
                case TAG_ADDRESS -> address = text;
                case TAG_BIRTH_DATE -> birth = text;
                case TAG_SEX -> sex = text;
                default -> {
                    // DF21 (offsets) and tags a later card generation may add
                }
            }
        }
        if (name == null || address == null || birth == null || sex == null) {
            throw new BerTlv.MalformedTlvException("基本4情報の項目が欠けています");
        }
        return new CardFace(name, address, birth, sexOf(sex));
    }

    /** 性別: 1 男性, 2 女性, 9 適用不能; anything else is 不明 and left open, so the search does not weigh it. */
    private static Sex sexOf(String code) {
        try {
            return Sex.fromCode(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static IndividualNumber individualNumber(byte[] file) {
        BerTlv.Header header = BerTlv.header(file, 0, file.length);
        return new IndividualNumber(new String(file, header.headerLength(), header.valueLength(), StandardCharsets.US_ASCII));
    }

    private static CardReading.Failed blocked() {
        return new CardReading.Failed(CardReading.Reason.PIN_BLOCKED,
                "暗証番号がロックされています。お手数ですが窓口で職員にお申し出ください（暗証番号の初期化が必要です）。", 0);
    }

    private static int sw(byte[] response) throws CardAccessException {
        if (response.length < 2) {
            throw new CardAccessException(CardReading.Reason.UNREADABLE, "カードからの応答が不完全です。カードを置き直してください。");
        }
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    private static void expect(int sw, String step) throws CardAccessException {
        if (sw != SW_OK) {
            throw unexpected(sw, step);
        }
    }

    private static CardAccessException unexpected(int sw, String step) {
        return new CardAccessException(CardReading.Reason.UNEXPECTED_STATUS,
                "カードから想定外の応答がありました（" + step + "、SW=" + String.format("%04X", sw)
                        + "）。カードを置き直してください。続く場合は窓口で職員にお申し出ください。");
    }
}
