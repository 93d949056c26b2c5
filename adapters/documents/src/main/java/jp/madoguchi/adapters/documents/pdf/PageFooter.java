package jp.madoguchi.adapters.documents.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The foot of every page of a printed document: a line on the left (受付番号 …) and ページ x/y on the right; y is
 * filled in when the document closes.
 */
final class PageFooter extends PdfPageEventHelper {

    private static final float BASELINE = 30;

    private final BaseFont font;
    private final Phrase left;
    private final String pageLabel;
    private PdfTemplate total;

    PageFooter(BaseFont font, String left) {
        this(font, new Phrase(left, new Font(font, 8)), "ページ ");
    }

    /** A footer already set in its fonts (a sheet in another language), and how that language says "page". */
    PageFooter(BaseFont font, Phrase left, String pageLabel) {
        this.font = font;
        this.left = left;
        this.pageLabel = pageLabel;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(30, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        Font small = new Font(font, 8);
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, left, document.left(), BASELINE, 0);
        String page = pageLabel + writer.getPageNumber() + "/";
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(page, small), document.right() - 14, BASELINE, 0);
        canvas.addTemplate(total, document.right() - 14, BASELINE);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
                new Phrase(String.valueOf(writer.getPageNumber() - 1), new Font(font, 8)), 0, 0, 0);
    }
}
