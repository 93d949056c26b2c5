package jp.madoguchi.adapters.devices.cardreader;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An APDU-level 在留カード for tests and the demo: the カード種別 readable in the clear, GET CHALLENGE and MUTUAL
 * AUTHENTICATE with keys from its own 在留カード番号 (a reader that knows another number fails the MAC check and gets
 * 63 00), and VERIFY of the number under secure messaging with the session key. {@link ResidenceCardReader} runs
 * against it unchanged. It answers the My Number Card's and the licence's applications with 6A 82, as a 在留カード does.
 */
public final class VirtualResidenceCard implements VirtualCard {

    private final String number;
    private final char kind;
    private final SecureRandom random = new SecureRandom();
    private byte[] rndIcc;
    private byte[] sessionKey;
    private boolean verified;

    private VirtualResidenceCard(String number, char kind) {
        this.number = number;
        this.kind = kind;
    }

    /** A 在留カード with this number (2 letters, 8 digits, 2 letters). */
    public static VirtualResidenceCard of(String number) {
        return new VirtualResidenceCard(number, '1');
    }

    /** A 特別永住者証明書. */
    public static VirtualResidenceCard specialPermanentResident(String number) {
        return new VirtualResidenceCard(number, '2');
    }

    public synchronized boolean verified() {
        return verified;
    }

    @Override
    public synchronized void reset() {
        rndIcc = null;
        sessionKey = null;
        verified = false;
    }

    @Override
    public synchronized byte[] transmit(byte[] apdu) {
        CardApdu command = CardApdu.parse(apdu);
        if (command == null) {
            return sw(0x6700);
        }
        return switch (command.ins()) {
            case 0xA4 -> command.p1() == 0x00 && Arrays.equals(command.data(), ResidenceCardReader.MF) ? sw(0x9000) : sw(0x6A82);
            case 0xB0 -> command.p1() == (0x80 | ResidenceCardReader.SFI_CARD_KIND)
                    ? new byte[]{(byte) ResidenceCardReader.TAG_CARD_KIND, 0x01, (byte) kind, (byte) 0x90, 0x00} : sw(0x6A82);
            case 0x84 -> challenge();
            case 0x82 -> mutualAuthenticate(command.data());
            case 0x20 -> command.cla() == 0x08 ? verify(command.data()) : sw(0x6982);
            default -> sw(0x6D00);
        };
    }

    private byte[] challenge() {
        rndIcc = new byte[8];
        random.nextBytes(rndIcc);
        byte[] out = Arrays.copyOf(rndIcc, 10);
        out[8] = (byte) 0x90;
        return out;
    }

    private byte[] mutualAuthenticate(byte[] data) {
        if (rndIcc == null || data.length != 40) {
            return sw(0x6985);
        }
        byte[] key = ResidenceCardCrypto.accessKey(number);
        byte[] eIfd = Arrays.copyOf(data, 32);
        if (!Arrays.equals(ResidenceCardCrypto.retailMac(key, eIfd), Arrays.copyOfRange(data, 32, 40))) {
            rndIcc = null;
            return sw(0x6300);
        }
        byte[] plain = ResidenceCardCrypto.decrypt(key, eIfd);
        if (!Arrays.equals(Arrays.copyOfRange(plain, 8, 16), rndIcc)) {
            rndIcc = null;
            return sw(0x6300);
        }
        byte[] rndIfd = Arrays.copyOfRange(plain, 0, 8);
        byte[] kIfd = Arrays.copyOfRange(plain, 16, 32);
        byte[] kIcc = new byte[16];
        random.nextBytes(kIcc);
        byte[] answerPlain = new byte[32];
        System.arraycopy(rndIcc, 0, answerPlain, 0, 8);
        System.arraycopy(rndIfd, 0, answerPlain, 8, 8);
        System.arraycopy(kIcc, 0, answerPlain, 16, 16);
        byte[] eIcc = ResidenceCardCrypto.encrypt(key, answerPlain);
        byte[] mIcc = ResidenceCardCrypto.retailMac(key, eIcc);
        sessionKey = ResidenceCardCrypto.sessionKey(kIfd, kIcc);
        rndIcc = null;
        byte[] out = new byte[42];
        System.arraycopy(eIcc, 0, out, 0, 32);
        System.arraycopy(mIcc, 0, out, 32, 8);
        out[40] = (byte) 0x90;
        return out;
    }

    private byte[] verify(byte[] data) {
        if (sessionKey == null) {
            return sw(0x6982);
        }
        if (data.length < 11 || (data[0] & 0xFF) != ResidenceCardReader.TAG_ENCRYPTED || data[2] != 0x01) {
            return sw(0x6988);
        }
        try {
            byte[] plain = ResidenceCardCrypto.unpad(ResidenceCardCrypto.decrypt(sessionKey, Arrays.copyOfRange(data, 3, data.length)));
            verified = new String(plain, StandardCharsets.US_ASCII).equals(number);
        } catch (IllegalArgumentException e) {
            verified = false;
        }
        return verified ? sw(0x9000) : sw(0x6300);
    }

    private static byte[] sw(int sw) {
        return CardApdu.sw(sw);
    }
}
