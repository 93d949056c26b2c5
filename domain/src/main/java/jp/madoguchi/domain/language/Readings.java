package jp.madoguchi.domain.language;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ふりがなの読み: words with how to read them, matched longest first where a kanji starts (住民票 before 住民, 消え
 * before 消). やさしい日本語 puts them over every kanji; a kanji no word covers is a reading still to be added.
 */
public final class Readings {

    /** A word and its reading. */
    public record Reading(String word, String reading) {
    }

    /** A piece of text: a word with its reading, or text that needs none. */
    public record Piece(String text, String reading) {
    }

    private final List<Reading> readings;

    public Readings(List<Reading> readings) {
        this.readings = readings.stream().sorted(Comparator.comparingInt((Reading r) -> r.word().length()).reversed())
                .toList();
    }

    /** The text cut into words with readings and the text between them. */
    public List<Piece> pieces(String text) {
        List<Piece> pieces = new java.util.ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            Reading match = match(text, i);
            if (match != null) {
                if (plain.length() > 0) {
                    pieces.add(new Piece(plain.toString(), null));
                    plain.setLength(0);
                }
                pieces.add(new Piece(match.word(), match.reading()));
                i += match.word().length();
            } else {
                int cp = text.codePointAt(i);
                plain.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        if (plain.length() > 0) {
            pieces.add(new Piece(plain.toString(), null));
        }
        return pieces;
    }

    /** The kanji of a text that no word with a reading covers. */
    public Set<String> unread(String text) {
        Set<String> unread = new LinkedHashSet<>();
        for (Piece piece : pieces(text)) {
            if (piece.reading() == null) {
                piece.text().codePoints().filter(Character::isIdeographic)
                        .forEach(cp -> unread.add(new String(Character.toChars(cp))));
            }
        }
        return unread;
    }

    private Reading match(String text, int at) {
        if (!Character.isIdeographic(text.codePointAt(at))) {
            return null;
        }
        for (Reading r : readings) {
            if (text.startsWith(r.word(), at)) {
                return r;
            }
        }
        return null;
    }
}
