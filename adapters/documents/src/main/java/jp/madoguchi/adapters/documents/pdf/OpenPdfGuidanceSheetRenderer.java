package jp.madoguchi.adapters.documents.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.GuidanceCatalogue.Reading;
import jp.madoguchi.application.port.out.GuidanceSheetRenderer;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;

/**
 * The guidance sheet (手続案内書) as an A4 PDF: title and reception QR, the 「次の窓口」 line, then one block per counter
 * in visiting order with its procedures. Lines are laid out here rather than in tables so that furigana can sit
 * over the words they read, and so that no word with a reading is broken across lines.
 */
@Singleton
public class OpenPdfGuidanceSheetRenderer implements GuidanceSheetRenderer {

    private static final float MARGIN = 48;
    private static final float LABEL_WIDTH = 78;
    private static final Color COUNTER_BACKGROUND = new Color(0xE4, 0xEC, 0xF4);

    private final PdfFonts fonts;
    private final TwoDimensionalCodes codes;

    public OpenPdfGuidanceSheetRenderer(PdfFonts fonts, TwoDimensionalCodes codes) {
        this.fonts = fonts;
        this.codes = codes;
    }

    @Override
    public RenderedDocument render(GuidanceSheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            BaseFont body = fonts.forLanguage(sheet.language());
            writer.setPageEvent(new PageFooter(fonts.text(), phrase(sheet.footer() + "　" + sheet.receptionLine(), body, 8),
                    sheet.language().equals("ja") || sheet.language().equals("easy") ? "ページ " : ""));
            document.addTitle(sheet.title());
            document.addCreator("Madoguchi");
            document.open();
            new Layout(document, writer.getDirectContent(), sheet).write();
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("手続案内書のPDFを作成できません: " + e.getMessage(), e);
        }
        return new RenderedDocument(sheet.fileName(), "application/pdf", out.toByteArray());
    }

    /** A text set in runs of the fonts that have its glyphs. */
    private Phrase phrase(String text, BaseFont preferred, float size) {
        Phrase phrase = new Phrase();
        for (PdfFonts.Run run : fonts.runs(text, preferred)) {
            phrase.add(new Chunk(run.text(), new Font(run.font(), size)));
        }
        return phrase;
    }

    /** Writes the sheet top to bottom, keeping the vertical position and starting new pages as needed. */
    private final class Layout {
        private final Document document;
        private final PdfContentByte canvas;
        private final GuidanceSheet sheet;
        private final List<Reading> readings;
        private final BaseFont body;
        private float y;

        Layout(Document document, PdfContentByte canvas, GuidanceSheet sheet) {
            this.document = document;
            this.canvas = canvas;
            this.sheet = sheet;
            this.readings = sheet.furigana() ? sheet.readings() : List.of();
            this.body = fonts.forLanguage(sheet.language());
            this.y = document.top();
        }

        void write() throws DocumentException {
            qrCode();
            text(sheet.title(), body, 20, document.left(), 380, false);
            y -= 4;
            text(sheet.municipality(), body, 11, document.left(), 380, false);
            text(sheet.receptionLine(), body, 11, document.left(), 380, false);
            text(sheet.eventLine(), body, 11, document.left(), 380, false);
            y = Math.min(y, document.top() - 96);
            y -= 6;
            text(sheet.nextCounter(), body, 14, document.left(), width(), false);
            y -= 6;
            int number = 1;
            for (Counter counter : sheet.counters()) {
                counterHeading(number++ + ". " + counter.heading() + (counter.place().isBlank() ? "" : "　" + counter.place()));
                for (Entry entry : counter.entries()) {
                    needRoom(lineHeight(12) * 2);
                    text("■ " + entry.name(), body, 12, document.left() + 4, width() - 4, false);
                    for (Line line : entry.lines()) {
                        float top = y;
                        text(line.label(), body, 9, document.left() + 16, LABEL_WIDTH - 8, false);
                        float afterLabel = y;
                        y = top;
                        text(line.text(), line.personalName() ? fonts.names() : body, 10,
                                document.left() + 16 + LABEL_WIDTH, width() - 16 - LABEL_WIDTH, line.personalName());
                        y = Math.min(y, afterLabel);
                    }
                    y -= 6;
                }
            }
        }

        private void qrCode() throws DocumentException {
            try {
                Image qr = Image.getInstance(codes.qrPng(sheet.receptionReference(), 200));
                qr.scaleToFit(88, 88);
                qr.setAbsolutePosition(document.right() - 88, document.top() - 88);
                canvas.addImage(qr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void counterHeading(String heading) {
            float height = lineHeight(12) + 6;
            needRoom(height + lineHeight(12) * 3);
            canvas.saveState();
            canvas.setColorFill(COUNTER_BACKGROUND);
            canvas.rectangle(document.left(), y - height, width(), height);
            canvas.fill();
            canvas.restoreState();
            y -= 3;
            text(heading, body, 12, document.left() + 6, width() - 12, false);
            y -= 6;
        }

        /** Writes a text in lines of at most {@code maxWidth}, with readings over words when asked for. */
        private void text(String text, BaseFont font, float size, float x, float maxWidth, boolean name) {
            List<RubyText.Piece> pieces = RubyText.pieces(text, name ? List.of() : readings);
            List<List<RubyText.Piece>> lines = new ArrayList<>();
            List<RubyText.Piece> line = new ArrayList<>();
            float used = 0;
            for (RubyText.Piece piece : pieces) {
                float w = width(piece, font, size);
                if (used + w > maxWidth && !line.isEmpty() && !RubyText.mustNotStartLine(piece.text())) {
                    lines.add(line);
                    line = new ArrayList<>();
                    used = 0;
                    if (piece.space()) {
                        continue;
                    }
                }
                line.add(piece);
                used += w;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            for (List<RubyText.Piece> l : lines) {
                float height = lineHeight(size);
                needRoom(height);
                float baseline = y - height + size * 0.3f;
                float cursor = x;
                StringBuilder run = new StringBuilder();
                float runStart = x;
                // plain text is set in runs, so a PDF viewer finds and copies words whole; a word with a reading
                // is set on its own, centred under its furigana
                for (RubyText.Piece piece : l) {
                    float w = width(piece, font, size);
                    if (piece.reading() == null) {
                        if (run.length() == 0) {
                            runStart = cursor;
                        }
                        run.append(piece.text());
                    } else {
                        if (run.length() > 0) {
                            show(run.toString(), font, size, runStart, baseline);
                            run.setLength(0);
                        }
                        float baseWidth = fonts.width(piece.text(), font, size);
                        show(piece.text(), font, size, cursor + (w - baseWidth) / 2, baseline);
                        float rubySize = size * 0.5f;
                        float rubyWidth = fonts.text().getWidthPoint(piece.reading(), rubySize);
                        show(piece.reading(), fonts.text(), rubySize, cursor + (w - rubyWidth) / 2, baseline + size * 0.95f);
                    }
                    cursor += w;
                }
                if (run.length() > 0) {
                    show(run.toString(), font, size, runStart, baseline);
                }
                y -= height;
            }
        }

        private void show(String text, BaseFont font, float size, float x, float baseline) {
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, phrase(text, font, size), x, baseline, 0);
        }

        private float width(RubyText.Piece piece, BaseFont font, float size) {
            float base = fonts.width(piece.text(), font, size);
            return piece.reading() == null ? base : Math.max(base, fonts.text().getWidthPoint(piece.reading(), size * 0.5f));
        }

        private float lineHeight(float size) {
            return readings.isEmpty() ? size * 1.45f : size * 1.95f;
        }

        private void needRoom(float height) {
            if (y - height < document.bottom() + 20) {
                document.newPage();
                y = document.top();
            }
        }

        private float width() {
            return document.right() - document.left();
        }
    }
}
