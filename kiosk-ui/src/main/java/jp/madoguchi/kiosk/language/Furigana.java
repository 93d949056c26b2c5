package jp.madoguchi.kiosk.language;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.PageTextsUseCase;
import jp.madoguchi.domain.language.Readings;

/**
 * ふりがな for やさしい日本語 pages: each word the readings list knows gets its reading as HTML ruby. The list is the
 * guidance sheet's ({@code furigana.tsv}), so the screen and the printed sheet read a word alike.
 */
@Singleton
public class Furigana {

    private final Readings readings;

    public Furigana(PageTextsUseCase texts) {
        this.readings = texts.readings();
    }

    /** The text (HTML-escaped already: kanji and kana are never escaped) with {@code <ruby>} over each word read. */
    public String ruby(String html) {
        StringBuilder out = new StringBuilder(html.length() * 2);
        for (Readings.Piece piece : readings.pieces(html)) {
            if (piece.reading() == null) {
                out.append(piece.text());
            } else {
                out.append("<ruby>").append(piece.text()).append("<rp>(</rp><rt>").append(piece.reading())
                        .append("</rt><rp>)</rp></ruby>");
            }
        }
        return out.toString();
    }
}
