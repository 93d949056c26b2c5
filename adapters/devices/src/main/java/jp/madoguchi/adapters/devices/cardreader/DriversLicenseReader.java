package jp.madoguchi.adapters.devices.cardreader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.smartcardio.CommandAPDU;

import jp.madoguchi.application.port.out.CardReading;
import jp.madoguchi.domain.identity.CardFace;
import jp.madoguchi.domain.identity.CardPin;
import jp.madoguchi.domain.identity.IdentityDocument;

/**
 * Reads the 記載事項 of a driving licence's IC chip, as the 警察庁's published specification lays them out
 * (運転免許証及び運転免許証作成システム等仕様書): the PINs sit in the MF, so the reader selects the MF, reads the
 * tries left on 暗証番号1 without using one, verifies 暗証番号1 (4 digits) once, then selects DF1
 * ({@code A0 00 00 02 31 01 00…}, 16 bytes) and reads its EF01, the 記載事項 other than 本籍: one-byte tags, BER
 * lengths, text in JIS X 0208 and dates as 元号 digit + YYMMDD. Only 氏名, 生年月日 and 住所 are kept; the licence
 * number, conditions and the photo (DF2, 暗証番号2) are never read. The PIN goes to the card and nowhere else.
 */
public final class DriversLicenseReader {

    static final byte[] DF1 = HexFormat.of().parseHex("A0000002310100000000000000000000");
    static final int EF_ENTRIES = 0x0001;
    /** 暗証番号1 (reference data 81; 82 is 暗証番号2, needed only for 本籍 and the photo). */
    static final int PIN1 = 0x81;
    static final int TAG_NAME = 0x12;
    static final int TAG_BIRTH_DATE = 0x16;
    static final int TAG_ADDRESS = 0x17;
    private static final String[] ERAS = {null, "明治", "大正", "昭和", "平成", "令和"};
    private static final int CHUNK = 0xFF;
    private static final String NOT_A_LICENCE = "マイナンバーカードか運転免許証として読み取れませんでした。置かれているカードをご確認ください。"
            + "在留カードは、画面の下の欄にカードの番号を入れて読み取ります。";

    private final CardTerminal terminal;

    public DriversLicenseReader(CardTerminal terminal) {
        this.terminal = terminal;
    }

    /** Whether a licence is on the reader and how many tries 暗証番号1 has left; never tries a PIN. */
    public CardReading status() {
        try (ApduChannel card = terminal.connect()) {
            selectLicence(card);
            return new CardReading.Ready(remainingTries(card));
        } catch (CardAccessException e) {
            return e.toReading();
        }
    }

    /** Verifies 暗証番号1 once (never retried here) and reads 氏名, 住所 and 生年月日. */
    public CardReading read(CardPin pin) {
        try (ApduChannel card = terminal.connect()) {
            selectLicence(card);
            int tries = remainingTries(card);
            if (tries == 0) {
                return blocked();
            }
            int sw = sw(card.transmit(new CommandAPDU(0x00, 0x20, 0x00, PIN1, pin.digits().getBytes(StandardCharsets.US_ASCII)).getBytes()));
            if ((sw & 0xFFF0) == 0x63C0) {
                int left = sw & 0x0F;
                return left == 0 ? blocked() : new CardReading.Failed(CardReading.Reason.WRONG_PIN,
                        "運転免許証の暗証番号1が違います。あと" + left + "回間違えると免許証のICチップがロックされます。", left);
            }
            if (sw == 0x6983 || sw == 0x6984) {
                return blocked();
            }
            expect(sw, "暗証番号1の照合");
            select(card, new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, DF1), "DF1の選択");
            select(card, new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[]{0x00, (byte) EF_ENTRIES}), "記載事項の選択");
            Map<Integer, byte[]> entries = entries(readAll(card));
            return new CardReading.Read(new CardFace(text(entries, TAG_NAME, "氏名"), text(entries, TAG_ADDRESS, "住所"),
                    birthDate(entries.get(TAG_BIRTH_DATE)), null, IdentityDocument.DRIVERS_LICENSE), null);
        } catch (CardAccessException e) {
            return e.toReading();
        } catch (IllegalArgumentException e) {
            // the message names what was wrong, never the licence's data
            return new CardReading.Failed(CardReading.Reason.UNREADABLE,
                    "運転免許証の情報を読み取れませんでした（" + e.getMessage() + "）。免許証を置き直して、もう一度お試しください。");
        }
    }

    /** DF1 answers only on a licence; then back to the MF, where the PINs are. */
    private static void selectLicence(ApduChannel card) throws CardAccessException {
        int sw = sw(card.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, DF1).getBytes()));
        if (sw == 0x6A82) {
            throw new CardAccessException(CardReading.Reason.NOT_A_MY_NUMBER_CARD, NOT_A_LICENCE);
        }
        expect(sw, "運転免許証のDF1の選択");
        select(card, new CommandAPDU(0x00, 0xA4, 0x00, 0x00), "MFの選択");
    }

    private static int remainingTries(ApduChannel card) throws CardAccessException {
        int sw = sw(card.transmit(new CommandAPDU(0x00, 0x20, 0x00, PIN1).getBytes()));
        if ((sw & 0xFFF0) == 0x63C0) {
            return sw & 0x0F;
        }
        if (sw == 0x6983 || sw == 0x6984) {
            return 0;
        }
        if (sw == 0x9000) {
            return 3;
        }
        throw new CardAccessException(CardReading.Reason.UNEXPECTED_STATUS,
                "運転免許証の暗証番号1の残り回数を確かめられませんでした（" + String.format("%04X", sw) + "）。");
    }

    private static void select(ApduChannel card, CommandAPDU select, String what) throws CardAccessException {
        expect(sw(card.transmit(select.getBytes())), what);
    }

    /** The whole EF in chunks: a short chunk (62 82) or an offset past the end (6B 00) ends it. */
    private static byte[] readAll(ApduChannel card) throws CardAccessException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (data.size() < 0x7FFF) {
            int offset = data.size();
            byte[] response = card.transmit(new CommandAPDU(0x00, 0xB0, offset >> 8, offset & 0xFF, CHUNK).getBytes());
            int sw = sw(response);
            if (sw == 0x6B00) {
                break;
            }
            if (sw == 0x6982) {
                throw new CardAccessException(CardReading.Reason.UNEXPECTED_STATUS,
                        "運転免許証が暗証番号1の照合を認めていません。もう一度お試しください。");
            }
            if (sw != 0x9000 && sw != 0x6282) {
                throw unexpected(sw, "記載事項の読み取り");
            }
            data.write(response, 0, response.length - 2);
            if (sw == 0x6282 || response.length - 2 < CHUNK) {
                break;
            }
        }
        return data.toByteArray();
    }

    /** One-byte tags with BER lengths, up to the end or the fill bytes (00 or FF) after the last entry. */
    static Map<Integer, byte[]> entries(byte[] file) {
        Map<Integer, byte[]> entries = new HashMap<>();
        int i = 0;
        while (i < file.length) {
            int tag = file[i] & 0xFF;
            if (tag == 0x00 || tag == 0xFF) {
                break;
            }
            if (i + 1 >= file.length) {
                throw new IllegalArgumentException("タグ " + Integer.toHexString(tag).toUpperCase() + " の長さがありません");
            }
            int length = file[i + 1] & 0xFF;
            int start = i + 2;
            if (length == 0x81 || length == 0x82) {
                int bytes = length - 0x80;
                if (start + bytes > file.length) {
                    throw new IllegalArgumentException("データが途中で切れています");
                }
                length = bytes == 1 ? file[start] & 0xFF : ((file[start] & 0xFF) << 8) | (file[start + 1] & 0xFF);
                start += bytes;
            } else if (length > 0x7F) {
                throw new IllegalArgumentException("長さの形式が想定外です");
            }
            if (start + length > file.length) {
                throw new IllegalArgumentException("データが途中で切れています");
            }
            entries.put(tag, java.util.Arrays.copyOfRange(file, start, start + length));
            i = start + length;
        }
        return entries;
    }

    private static String text(Map<Integer, byte[]> entries, int tag, String what) {
        byte[] value = entries.get(tag);
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException(what + "がありません");
        }
        return JisX0208Text.decode(value).strip();
    }

    /** {@code 3590506} (元号 3 = 昭和, 59年5月6日) as 和暦 text, which the server reads with its era table. */
    static String birthDate(byte[] value) {
        String digits = value == null ? "" : new String(value, StandardCharsets.US_ASCII).strip();
        if (!digits.matches("[1-5]\\d{6}")) {
            throw new IllegalArgumentException("生年月日の形式が想定外です");
        }
        return ERAS[digits.charAt(0) - '0'] + Integer.parseInt(digits.substring(1, 3)) + "年"
                + Integer.parseInt(digits.substring(3, 5)) + "月" + Integer.parseInt(digits.substring(5, 7)) + "日";
    }

    private static CardReading blocked() {
        return new CardReading.Failed(CardReading.Reason.PIN_BLOCKED,
                "運転免許証の暗証番号1がロックされています。免許証を交付した警察署・運転免許センターで解除できます。"
                        + "今日は窓口で職員が本人確認をいたします。", 0);
    }

    private static void expect(int sw, String step) throws CardAccessException {
        if (sw != 0x9000) {
            throw unexpected(sw, step);
        }
    }

    private static CardAccessException unexpected(int sw, String step) {
        return new CardAccessException(CardReading.Reason.UNEXPECTED_STATUS,
                "運転免許証が想定外の応答をしました（" + step + "、" + String.format("%04X", sw) + "）。置き直して、もう一度お試しください。");
    }

    private static int sw(byte[] response) {
        if (response.length < 2) {
            return 0;
        }
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }
}
