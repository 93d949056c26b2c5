package jp.madoguchi.adapters.documents.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.application.port.out.StatisticsReportRenderer;

/**
 * 日報・月報 as an A4 PDF: the city's name and the report's title, the period, then each section with its bar chart
 * (drawn as vectors, so it prints sharp) and the table with the same numbers. Numbers are right-aligned; a table that
 * runs over a page repeats its heading row.
 */
@Singleton
public class OpenPdfStatisticsReportRenderer implements StatisticsReportRenderer {

    private static final float MARGIN = 42;
    private static final Color HEADING_BACKGROUND = new Color(0xE9, 0xEE, 0xF4);
    private static final Color BAR = new Color(0x1F, 0x6F, 0xB5);
    private static final float CHART_LABEL = 130;
    private static final float CHART_ROW = 14;

    private final PdfFonts fonts;

    public OpenPdfStatisticsReportRenderer(PdfFonts fonts) {
        this.fonts = fonts;
    }

    @Override
    public RenderedDocument render(StatisticsDocument report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 12);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageFooter(fonts.gothic(), report.municipality() + "　" + report.title()));
            document.addTitle(report.municipality() + " " + report.title());
            document.addCreator("Madoguchi");
            document.open();
            BaseFont font = fonts.gothic();
            Paragraph title = new Paragraph(report.municipality() + "　" + report.title(), new Font(font, 18));
            document.add(title);
            document.add(new Paragraph(report.periodLine(), new Font(font, 10)));
            Paragraph made = new Paragraph(report.generatedLine(), new Font(font, 7.5f, Font.NORMAL, Color.DARK_GRAY));
            made.setSpacingAfter(6);
            document.add(made);
            for (Section section : report.sections()) {
                Paragraph heading = new Paragraph(section.heading(), new Font(font, 12));
                heading.setSpacingBefore(8);
                heading.setSpacingAfter(4);
                document.add(heading);
                if (!section.bars().isEmpty()) {
                    document.add(chart(writer.getDirectContent(), section, document.right() - document.left()));
                }
                document.add(table(section, font));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("統計の報告書のPDFを作成できません: " + e.getMessage(), e);
        }
        return new RenderedDocument(report.fileName(), "application/pdf", out.toByteArray());
    }

    /** Horizontal bars with their labels and values, as one vector image that flows with the text. */
    private Image chart(PdfContentByte canvas, Section section, float width) throws DocumentException {
        List<Bar> bars = section.bars();
        float height = bars.size() * CHART_ROW + 16;
        PdfTemplate template = canvas.createTemplate(width, height);
        BaseFont font = fonts.gothic();
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        float area = width - CHART_LABEL - 50;
        template.beginText();
        template.setFontAndSize(font, 8);
        template.setColorFill(Color.BLACK);
        template.showTextAligned(Element.ALIGN_LEFT, section.chartTitle(), 0, height - 9, 0);
        for (int i = 0; i < bars.size(); i++) {
            float y = height - 16 - (i + 1) * CHART_ROW + 4;
            template.showTextAligned(Element.ALIGN_RIGHT, bars.get(i).label(), CHART_LABEL - 6, y, 0);
            float length = area * bars.get(i).value() / max;
            template.showTextAligned(Element.ALIGN_LEFT, String.format("%,d", bars.get(i).value()), CHART_LABEL + length + 4, y, 0);
        }
        template.endText();
        template.setColorFill(BAR);
        for (int i = 0; i < bars.size(); i++) {
            float y = height - 16 - (i + 1) * CHART_ROW + 2;
            float length = area * bars.get(i).value() / max;
            if (length > 0) {
                template.rectangle(CHART_LABEL, y, Math.max(length, 1), CHART_ROW - 4);
            }
        }
        template.fill();
        Image image = Image.getInstance(template);
        image.setSpacingAfter(4);
        return image;
    }

    private static PdfPTable table(Section section, BaseFont font) {
        PdfPTable table = new PdfPTable(section.columns().size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(4);
        if (section.columns().size() > 2) {
            float[] widths = new float[section.columns().size()];
            widths[0] = 3;
            for (int i = 1; i < widths.length; i++) {
                widths[i] = 1.2f;
            }
            try {
                table.setWidths(widths);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        }
        Font headingFont = new Font(font, 8);
        Font cellFont = new Font(font, 8.5f);
        for (String column : section.columns()) {
            PdfPCell cell = new PdfPCell(new Phrase(column, headingFont));
            cell.setBackgroundColor(HEADING_BACKGROUND);
            cell.setPadding(3);
            table.addCell(cell);
        }
        if (section.rows().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("この期間の来庁はありません。", cellFont));
            none.setColspan(section.columns().size());
            none.setPadding(3);
            table.addCell(none);
        }
        for (List<String> row : section.rows()) {
            for (int i = 0; i < row.size(); i++) {
                PdfPCell cell = new PdfPCell(new Phrase(row.get(i), cellFont));
                cell.setPadding(3);
                cell.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                table.addCell(cell);
            }
        }
        return table;
    }
}
