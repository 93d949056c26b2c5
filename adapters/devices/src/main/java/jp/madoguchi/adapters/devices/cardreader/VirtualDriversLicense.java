package jp.madoguchi.adapters.devices.cardreader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An APDU-level driving licence for tests and the demo, laid out as the 警察庁's specification publishes it: an MF
 * holding 暗証番号1 and 暗証番号2 (4 digits, three tries each), DF1 whose EF01 holds the 記載事項 (one-byte tags,
 * BER lengths, JIS X 0208 text, dates as 元号 digit + YYMMDD). It answers SELECT, VERIFY and READ BINARY with the
 * card's status words, so the real {@link DriversLicenseReader} runs against it; it refuses the My Number Card's
 * application (6A 82), as a licence does.
 */
public final class VirtualDriversLicense implements VirtualCard {

    private static final int TRIES = 3;

    private final byte[] entries;
    private final String pin1;
    private final String pin2;
    private int pin1Tries = TRIES;
    private int pin2Tries = TRIES;
    private boolean pin1Verified;
    private boolean df1Selected;
    private boolean entriesSelected;

    private VirtualDriversLicense(byte[] entries, String pin1, String pin2) {
        this.entries = entries;
        this.pin1 = pin1;
        this.pin2 = pin2;
    }

    /**
     * A licence with these 記載事項 (full-width text, as printed) and PINs.
     *
     * @param era 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和, with {@code born} given in that era's years
     */
    public static VirtualDriversLicense of(String name, String address, int era, int eraYear, int month, int day,
                                           String licenceNumber, String pin1, String pin2) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        tlv(file, 0x11, new byte[]{0x01}); // JIS X 0208 の制定年番号 (1997)
        tlv(file, DriversLicenseReader.TAG_NAME, JisX0208Text.encode(name));
        tlv(file, DriversLicenseReader.TAG_BIRTH_DATE, String.format("%d%02d%02d%02d", era, eraYear, month, day)
                .getBytes(StandardCharsets.US_ASCII));
        tlv(file, DriversLicenseReader.TAG_ADDRESS, JisX0208Text.encode(address));
        tlv(file, 0x18, "5060501".getBytes(StandardCharsets.US_ASCII)); // 交付年月日: 令和6年5月1日
        tlv(file, 0x21, licenceNumber.getBytes(StandardCharsets.US_ASCII));
        // the rest of the EF is fill, as on a real chip
        file.writeBytes(new byte[64]);
        return new VirtualDriversLicense(file.toByteArray(), pin1, pin2);
    }

    public synchronized VirtualDriversLicense blocked() {
        pin1Tries = 0;
        return this;
    }

    public synchronized int pin1TriesLeft() {
        return pin1Tries;
    }

    /** The 記載事項 cut to {@code length} bytes (a damaged chip). */
    public synchronized VirtualDriversLicense truncated(int length) {
        return new VirtualDriversLicense(Arrays.copyOf(entries, length), pin1, pin2);
    }

    @Override
    public synchronized void reset() {
        pin1Verified = false;
        df1Selected = false;
        entriesSelected = false;
    }

    @Override
    public synchronized byte[] transmit(byte[] apdu) {
        CardApdu command = CardApdu.parse(apdu);
        if (command == null) {
            return sw(0x6700);
        }
        return switch (command.ins()) {
            case 0xA4 -> select(command.p1(), command.data());
            case 0x20 -> verify(command.p2(), command.data());
            case 0xB0 -> readBinary(command.offset(), command.le());
            default -> sw(0x6D00);
        };
    }

    private byte[] select(int p1, byte[] data) {
        if (p1 == 0x00) {
            df1Selected = false;
            entriesSelected = false;
            return sw(0x9000);
        }
        if (p1 == 0x04) {
            if (!Arrays.equals(data, DriversLicenseReader.DF1)) {
                return sw(0x6A82);
            }
            df1Selected = true;
            entriesSelected = false;
            return sw(0x9000);
        }
        if (p1 == 0x02 && df1Selected && data.length == 2) {
            int fid = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
            if (fid != DriversLicenseReader.EF_ENTRIES) {
                return sw(0x6A82);
            }
            entriesSelected = true;
            return sw(0x9000);
        }
        return sw(0x6A86);
    }

    private byte[] verify(int reference, byte[] data) {
        if (reference != 0x81 && reference != 0x82) {
            return sw(0x6A88);
        }
        boolean first = reference == 0x81;
        int tries = first ? pin1Tries : pin2Tries;
        if (data.length == 0) {
            return first && pin1Verified ? sw(0x9000) : sw(0x63C0 | tries);
        }
        if (tries == 0) {
            return sw(0x6984);
        }
        if (new String(data, StandardCharsets.US_ASCII).equals(first ? pin1 : pin2)) {
            if (first) {
                pin1Tries = TRIES;
                pin1Verified = true;
            } else {
                pin2Tries = TRIES;
            }
            return sw(0x9000);
        }
        if (first) {
            pin1Tries--;
        } else {
            pin2Tries--;
        }
        return sw(0x63C0 | (first ? pin1Tries : pin2Tries));
    }

    private byte[] readBinary(int offset, int length) {
        if (!entriesSelected) {
            return sw(0x6986);
        }
        if (!pin1Verified) {
            return sw(0x6982);
        }
        return CardApdu.readBinary(entries, offset, length);
    }

    private static void tlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        if (value.length < 0x80) {
            out.write(value.length);
        } else {
            out.write(0x81);
            out.write(value.length);
        }
        out.writeBytes(value);
    }

    private static byte[] sw(int sw) {
        return CardApdu.sw(sw);
    }
}
