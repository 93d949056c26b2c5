package jp.madoguchi.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** What a test reads out of a PDF the system produced. */
public final class Pdfs {

    private Pdfs() {
    }

    /** The text of every page, whitespace folded to single spaces. */
    public static String text(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                pages.add(new PdfTextExtractor(reader).getTextFromPage(page));
            }
            return String.join(" ", pages).replaceAll("[\\s\\u00a0]+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many images the document holds (the reception QR, a signature …). */
    public static int images(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            int images = 0;
            for (int i = 0; i < reader.getXrefSize(); i++) {
                PdfObject object = reader.getPdfObject(i);
                if (object instanceof PdfStream stream && PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))) {
                    images++;
                }
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
