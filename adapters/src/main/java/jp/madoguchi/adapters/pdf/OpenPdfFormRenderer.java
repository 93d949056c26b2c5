package jp.madoguchi.adapters.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.FormRenderer;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.domain.reception.PrefilledForm;

/**
 * Renders a filled form as an A4 PDF: title, addressee (○○市長 様), one bordered table per section, the
 * reception QR in the top corner and a footer with the reception number and page x/y. Names and addresses
 * are set in IPAmj明朝 so MJ characters and IVS variants print as registered.
 */
@Singleton
public class OpenPdfFormRenderer implements FormRenderer {

    private static final Color LABEL_BACKGROUND = new Color(0xEE, 0xEE, 0xEE);

    private final PdfFonts fonts;
    private final TwoDimensionalCodes codes;

    public OpenPdfFormRenderer(PdfFonts fonts, TwoDimensionalCodes codes) {
        this.fonts = fonts;
        this.codes = codes;
    }

    @Override
    public RenderedDocument render(PrefilledForm form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 50, 50, 60, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageFooter(fonts.text(), "受付番号 " + form.reception().value() + "　" + form.formId()));
            document.addTitle(form.title());
            document.addCreator("Madoguchi");
            document.open();
            addHeader(document, form);
            for (PrefilledForm.Section section : form.sections()) {
                document.add(section(section));
            }
            Paragraph note = new Paragraph("※ 太枠内は記載台・窓口で確認した内容を印字しています。内容を確認のうえ、署名欄に署名してください。",
                    new Font(fonts.text(), 8));
            note.setSpacingBefore(6);
            document.add(note);
            document.add(signatureBox());
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("申請書のPDFを作成できません: " + e.getMessage(), e);
        }
        return new RenderedDocument(form.formId() + "_" + form.reception().value() + ".pdf", "application/pdf", out.toByteArray());
    }

    private void addHeader(Document document, PrefilledForm form) throws DocumentException {
        PdfPTable header = new PdfPTable(new float[]{4, 1});
        header.setWidthPercentage(100);
        PdfPCell titleCell = new PdfPCell();
        titleCell.setBorder(Rectangle.NO_BORDER);
        Paragraph title = new Paragraph(form.title(), new Font(fonts.text(), 18, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        titleCell.addElement(title);
        Paragraph addressee = new Paragraph((form.municipalityName() == null ? "" : form.municipalityName() + "長") + "　様",
                new Font(fonts.text(), 11));
        addressee.setSpacingBefore(10);
        titleCell.addElement(addressee);
        header.addCell(titleCell);
        try {
            Image qr = Image.getInstance(codes.qrPng(form.receptionReference(), 160));
            qr.scaleToFit(72, 72);
            PdfPCell qrCell = new PdfPCell(qr, false);
            qrCell.setBorder(Rectangle.NO_BORDER);
            qrCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            header.addCell(qrCell);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        header.setSpacingAfter(8);
        document.add(header);
    }

    private PdfPTable section(PrefilledForm.Section section) {
        PdfPTable table = new PdfPTable(new float[]{1.3f, 4});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        PdfPCell heading = new PdfPCell(new Phrase(section.heading(), new Font(fonts.text(), 11, Font.BOLD)));
        heading.setColspan(2);
        heading.setBorderWidth(1.5f);
        heading.setPadding(4);
        table.addCell(heading);
        for (PrefilledForm.Field field : section.fields()) {
            PdfPCell label = new PdfPCell(new Phrase(field.label(), new Font(fonts.text(), 9)));
            label.setBackgroundColor(LABEL_BACKGROUND);
            label.setPadding(5);
            table.addCell(label);
            Font valueFont = new Font(field.personalName() ? fonts.names() : fonts.text(), field.personalName() ? 12 : 10);
            PdfPCell value = new PdfPCell(new Phrase(field.value(), valueFont));
            value.setPadding(5);
            value.setMinimumHeight(22);
            table.addCell(value);
        }
        return table;
    }

    private PdfPTable signatureBox() {
        PdfPTable table = new PdfPTable(new float[]{1.3f, 4});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        PdfPCell label = new PdfPCell(new Phrase("請求者の署名", new Font(fonts.text(), 10, Font.BOLD)));
        label.setBackgroundColor(LABEL_BACKGROUND);
        label.setPadding(5);
        table.addCell(label);
        PdfPCell box = new PdfPCell(new Phrase(""));
        box.setMinimumHeight(48);
        box.setBorderWidth(1.5f);
        table.addCell(box);
        return table;
    }
}
