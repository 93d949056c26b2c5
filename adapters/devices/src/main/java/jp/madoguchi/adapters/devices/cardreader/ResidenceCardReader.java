package jp.madoguchi.adapters.devices.cardreader;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

import javax.smartcardio.CommandAPDU;

import jp.madoguchi.application.port.out.CardReading;

/**
 * Reads a 在留カード (or 特別永住者証明書) chip as the 在留カード等仕様書 sets out: the カード種別 in the clear from the
 * MF (short file 0A), then GET CHALLENGE and MUTUAL AUTHENTICATE with keys made from the 在留カード番号 (so only the
 * card that carries that number answers), then VERIFY of the number under secure messaging with the session key. A
 * number typed wrong, or another card on the reader, fails the authentication and nothing is read. The images on
 * the chip (券面, 顔写真) are not read: the registry holds what a visit needs.
 */
public final class ResidenceCardReader {

    static final byte[] MF = {0x3F, 0x00};
    static final int SFI_CARD_KIND = 0x0A;
    static final int TAG_CARD_KIND = 0xC1;
    /** The secure-messaging data object of an encrypted value: tag 86, then 01 (padding indicator) and the cipher. */
    static final int TAG_ENCRYPTED = 0x86;

    private final CardTerminal terminal;
    private final SecureRandom random = new SecureRandom();

    public ResidenceCardReader(CardTerminal terminal) {
        this.terminal = terminal;
    }

    public CardReading read(String typedNumber) {
        String number = typedNumber == null ? "" : java.text.Normalizer.normalize(typedNumber.strip(), java.text.Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT);
        if (!number.matches("[A-Z]{2}\\d{8}[A-Z]{2}")) {
            return new CardReading.Failed(CardReading.Reason.UNREADABLE,
                    "在留カード番号は、英字2文字・数字8桁・英字2文字の12文字です（カードの右上に書かれています）。");
        }
        try (ApduChannel card = terminal.connect()) {
            int sw = sw(card.transmit(new CommandAPDU(0x00, 0xA4, 0x00, 0x00, MF).getBytes()));
            if (sw != 0x9000) {
                throw new CardAccessException(CardReading.Reason.NOT_A_MY_NUMBER_CARD,
                        "在留カードとして読み取れませんでした。置かれているカードをご確認ください。");
            }
            String kind = kind(card);
            byte[] sessionKey = authenticate(card, number);
            byte[] cipher = ResidenceCardCrypto.encrypt(sessionKey, ResidenceCardCrypto.pad(number.getBytes(StandardCharsets.US_ASCII)));
            byte[] data = new byte[3 + cipher.length];
            data[0] = (byte) TAG_ENCRYPTED;
            data[1] = (byte) (cipher.length + 1);
            data[2] = 0x01;
            System.arraycopy(cipher, 0, data, 3, cipher.length);
            // CLA 08: secure messaging, the value encrypted under the session key
            int verified = sw(card.transmit(new CommandAPDU(0x08, 0x20, 0x00, 0x86, data).getBytes()));
            if (verified != 0x9000) {
                throw new CardAccessException(CardReading.Reason.WRONG_PIN, mismatch());
            }
            return new CardReading.ResidenceCard(number, kind);
        } catch (CardAccessException e) {
            return e.toReading();
        } catch (IllegalArgumentException e) {
            return new CardReading.Failed(CardReading.Reason.UNREADABLE,
                    "在留カードの情報を読み取れませんでした（" + e.getMessage() + "）。カードを置き直して、もう一度お試しください。");
        }
    }

    private static String kind(ApduChannel card) throws CardAccessException {
        byte[] response = card.transmit(new CommandAPDU(0x00, 0xB0, 0x80 | SFI_CARD_KIND, 0x00, 3).getBytes());
        int sw = sw(response);
        if (sw != 0x9000 && sw != 0x6282) {
            throw new CardAccessException(CardReading.Reason.NOT_A_MY_NUMBER_CARD,
                    "在留カードとして読み取れませんでした。置かれているカードをご確認ください。");
        }
        if (response.length < 5 || (response[0] & 0xFF) != TAG_CARD_KIND || response[1] != 1) {
            throw new IllegalArgumentException("カード種別の形式が想定外です");
        }
        return switch (response[2]) {
            case '1' -> "在留カード";
            case '2' -> "特別永住者証明書";
            default -> throw new IllegalArgumentException("カード種別が想定外です");
        };
    }

    /** GET CHALLENGE, MUTUAL AUTHENTICATE; returns the session key. */
    private byte[] authenticate(ApduChannel card, String number) throws CardAccessException {
        byte[] challenge = card.transmit(new CommandAPDU(0x00, 0x84, 0x00, 0x00, 8).getBytes());
        if (sw(challenge) != 0x9000 || challenge.length != 10) {
            throw new CardAccessException(CardReading.Reason.UNEXPECTED_STATUS, "在留カードが認証に応じませんでした。置き直してください。");
        }
        byte[] rndIcc = Arrays.copyOf(challenge, 8);
        byte[] rndIfd = new byte[8];
        byte[] kIfd = new byte[16];
        random.nextBytes(rndIfd);
        random.nextBytes(kIfd);
        byte[] key = ResidenceCardCrypto.accessKey(number);
        byte[] eIfd = ResidenceCardCrypto.encrypt(key, concat(rndIfd, rndIcc, kIfd));
        byte[] mIfd = ResidenceCardCrypto.retailMac(key, eIfd);
        byte[] answer = card.transmit(new CommandAPDU(0x00, 0x82, 0x00, 0x00, concat(eIfd, mIfd), 0x28).getBytes());
        if (sw(answer) != 0x9000 || answer.length != 42) {
            // the card could not check our MAC: its keys come from another number
            throw new CardAccessException(CardReading.Reason.WRONG_PIN, mismatch());
        }
        byte[] eIcc = Arrays.copyOfRange(answer, 0, 32);
        byte[] mIcc = Arrays.copyOfRange(answer, 32, 40);
        if (!Arrays.equals(ResidenceCardCrypto.retailMac(key, eIcc), mIcc)) {
            throw new CardAccessException(CardReading.Reason.UNTRUSTED_READING, "在留カードの応答を確かめられませんでした。職員にお声がけください。");
        }
        byte[] plain = ResidenceCardCrypto.decrypt(key, eIcc);
        if (!Arrays.equals(Arrays.copyOfRange(plain, 0, 8), rndIcc) || !Arrays.equals(Arrays.copyOfRange(plain, 8, 16), rndIfd)) {
            throw new CardAccessException(CardReading.Reason.UNTRUSTED_READING, "在留カードの応答を確かめられませんでした。職員にお声がけください。");
        }
        return ResidenceCardCrypto.sessionKey(kIfd, Arrays.copyOfRange(plain, 16, 32));
    }

    private static String mismatch() {
        return "在留カード番号がカードと一致しません。カードの右上の番号を確かめて、もう一度入力してください。";
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static int sw(byte[] response) {
        if (response.length < 2) {
            return 0;
        }
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }
}
