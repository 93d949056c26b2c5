package jp.madoguchi.adapters.documents.pdf;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase.ReceptionSlip;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.application.port.out.SlipRenderer;
import jp.madoguchi.application.port.out.SlipRenderer.SlipWords;

/**
 * 受付票 for a receipt printer: one page as wide as the roll (58 or 80 mm) and as long as the slip, or an A4 page
 * for a city without a receipt printer. Large call number, the counters in order, the wait, the QR.
 */
@Singleton
public class OpenPdfSlipRenderer implements SlipRenderer {

    private final PdfFonts fonts;
    private final ZoneId zone;

    public OpenPdfSlipRenderer(PdfFonts fonts) {
        this(fonts, ZoneId.of("Asia/Tokyo"));
    }

    OpenPdfSlipRenderer(PdfFonts fonts, ZoneId zone) {
        this.fonts = fonts;
        this.zone = zone;
    }

    @Override
    public RenderedDocument render(ReceptionSlip slip, String municipality, String paper, SlipWords words) {
        BaseFont font = words.language().equals("ja") || words.language().equals("easy") ? fonts.gothic()
                : fonts.forLanguage(words.language());
        Rectangle page = page(paper);
        // a roll prints to its edges less a few millimetres; sizes scale with the paper
        float scale = page.getWidth() / Utilities.millimetersToPoints(80);
        float margin = Utilities.millimetersToPoints(4);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document document = new Document(page, margin, margin, margin, margin);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(words.title() + " " + slip.number().value());
            document.addCreator("Madoguchi");
            document.open();
            line(document, font, municipality + "　" + words.title(), 11 * Math.min(scale, 1.6f), Element.ALIGN_CENTER);
            line(document, font, words.callNumber(), 10 * Math.min(scale, 1.6f), Element.ALIGN_CENTER);
            line(document, font, String.valueOf(slip.callNumber()), 44 * Math.min(scale, 2f), Element.ALIGN_CENTER);
            line(document, font, words.receptionNumber() + " " + slip.number().value(), 8 * Math.min(scale, 1.4f),
                    Element.ALIGN_CENTER);
            line(document, font, DateTimeFormatter.ofPattern(words.timePattern()).format(slip.openedAt().atZone(zone))
                    + " " + words.opened(), 8 * Math.min(scale, 1.4f), Element.ALIGN_CENTER);
            line(document, font, words.procedures() + ": " + String.join(words.language().equals("ja") || words.language().equals("easy") ? "・" : ", ",
                    slip.procedures()), 9 * Math.min(scale, 1.4f), Element.ALIGN_LEFT);
            for (int i = 0; i < slip.counters().size(); i++) {
                line(document, font, (i + 1) + ". " + slip.counters().get(i), 10 * Math.min(scale, 1.4f), Element.ALIGN_LEFT);
            }
            line(document, font, slip.waitingAhead() == 0 ? words.noWait()
                            : words.waiting().replace("{0}", String.valueOf(slip.waitingAhead()))
                            .replace("{1}", String.valueOf(slip.estimatedWait())),
                    10 * Math.min(scale, 1.4f), Element.ALIGN_LEFT);
            Image qr = Image.getInstance(slip.qrPng());
            float side = Math.min(page.getWidth() - 2 * margin, Utilities.millimetersToPoints(36));
            qr.scaleToFit(side, side);
            qr.setAlignment(Element.ALIGN_CENTER);
            document.add(qr);
            line(document, font, words.show(), 7 * Math.min(scale, 1.4f), Element.ALIGN_LEFT);
            if (!slip.identified()) {
                line(document, font, words.bringId(), 7 * Math.min(scale, 1.4f), Element.ALIGN_LEFT);
            }
            document.close();
        } catch (DocumentException | java.io.IOException e) {
            throw new IllegalStateException("受付票のPDFを作成できません: " + e.getMessage(), e);
        }
        return new RenderedDocument("slip-" + slip.number().value() + ".pdf", "application/pdf", out.toByteArray());
    }

    /** The page: the roll's width and a length that holds the slip (the printer cuts after it), or A4. */
    private static Rectangle page(String paper) {
        return switch (paper == null ? "" : paper.strip()) {
            case "58mm" -> new Rectangle(Utilities.millimetersToPoints(58), Utilities.millimetersToPoints(150));
            case "80mm" -> new Rectangle(Utilities.millimetersToPoints(80), Utilities.millimetersToPoints(160));
            case "A4" -> PageSize.A4;
            default -> throw new IllegalArgumentException("受付票の用紙は 58mm・80mm・A4 のどれかです: " + paper);
        };
    }

    /** A line in the slip's font, a character it lacks (a Japanese name beside a translation) in one that has it. */
    private void line(Document document, BaseFont font, String text, float size, int alignment) throws DocumentException {
        Paragraph paragraph = new Paragraph();
        for (PdfFonts.Run run : fonts.runs(text, font)) {
            paragraph.add(new Chunk(run.text(), new Font(run.font(), size)));
        }
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(size * 0.3f);
        document.add(paragraph);
    }
}
