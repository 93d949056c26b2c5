package jp.madoguchi.adapters.documents.pdf;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.application.port.out.GuidanceCatalogue.Reading;

/**
 * Splits a text into the pieces a line may break between: a word with its reading (ふりがな) when one is known and
 * asked for, otherwise single characters for Japanese and words for Latin text. A variation selector stays with the
 * character before it, so an IVS name never breaks between base and variant.
 */
final class RubyText {

    /** A piece of text, and its reading when it gets furigana. */
    record Piece(String text, String reading) {
        boolean space() {
            return text.isBlank();
        }
    }

    private RubyText() {
    }

    static List<Piece> pieces(String text, List<Reading> readings) {
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Reading match = null;
            if (Character.isIdeographic(text.codePointAt(i))) {
                for (Reading r : readings) {
                    if (text.startsWith(r.word(), i)) {
                        match = r;
                        break;
                    }
                }
            }
            if (match != null) {
                pieces.add(new Piece(match.word(), match.reading()));
                i += match.word().length();
                continue;
            }
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (isLatinWordPart(cp)) {
                while (end < text.length() && isLatinWordPart(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
            }
            while (end < text.length() && isVariationSelector(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            pieces.add(new Piece(text.substring(i, end), null));
            i = end;
        }
        return pieces;
    }

    private static boolean isLatinWordPart(int cp) {
        return cp < 0x2E80 && !Character.isWhitespace(cp);
    }

    static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** Characters that must not begin a line (行頭禁則). */
    static boolean mustNotStartLine(String piece) {
        return !piece.isEmpty() && "、。，．）」』・ー！？,.)".indexOf(piece.charAt(0)) >= 0;
    }
}
