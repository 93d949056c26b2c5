package jp.madoguchi.adapters.devices.cardreader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;

/**
 * Text as the driving licence chip holds it: JIS X 0208 code points, two bytes a character, with no escape
 * sequences. Java reads it as ISO-2022-JP once the "kanji in" escape ({@code ESC $ B}) is put in front.
 */
final class JisX0208Text {

    private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
    private static final byte[] KANJI_IN = {0x1B, 0x24, 0x42};

    private JisX0208Text() {
    }

    /** @throws IllegalArgumentException when the bytes are not JIS X 0208 (an odd count, a code outside the set) */
    static String decode(byte[] jis) {
        if (jis.length % 2 != 0) {
            throw new IllegalArgumentException("JIS X 0208 の文字列の長さが奇数です");
        }
        ByteArrayOutputStream withEscape = new ByteArrayOutputStream(jis.length + KANJI_IN.length);
        withEscape.writeBytes(KANJI_IN);
        withEscape.writeBytes(jis);
        CharsetDecoder decoder = ISO_2022_JP.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(withEscape.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("JIS X 0208 として読めない文字があります");
        }
    }

    /** The simulator's side: full-width text as JIS X 0208 bytes (the escapes ISO-2022-JP writes are dropped). */
    static byte[] encode(String text) {
        if (!ISO_2022_JP.newEncoder().canEncode(text)) {
            throw new IllegalArgumentException("JIS X 0208 にない文字があります（外字）");
        }
        byte[] iso = text.getBytes(ISO_2022_JP);
        ByteArrayOutputStream out = new ByteArrayOutputStream(iso.length);
        boolean kanji = false;
        for (int i = 0; i < iso.length; i++) {
            if (iso[i] == 0x1B && i + 2 < iso.length) {
                kanji = iso[i + 1] == 0x24;
                i += 2;
                continue;
            }
            if (!kanji) {
                throw new IllegalArgumentException("半角の文字は免許証の記載事項にありません: 全角で書いてください");
            }
            out.write(iso[i]);
        }
        return out.toByteArray();
    }
}
