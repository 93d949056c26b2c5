package jp.madoguchi.adapters.documents.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.FilledFormRenderer;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.domain.form.FieldDefinition;
import jp.madoguchi.domain.form.FieldDictionary;
import jp.madoguchi.domain.form.FilledForm;
import jp.madoguchi.domain.form.FormDefinition;
import jp.madoguchi.domain.form.FormElement;

/**
 * Prints a form defined as data: every element at its place in millimetres on A4 or A3, names and addresses in
 * IPAmj明朝 (MJ characters and IVS variants), everything else in IPAex明朝, the signature image in the signature box,
 * the reception QR, and a footer with the reception number and page x/y.
 */
@Singleton
public class OpenPdfFilledFormRenderer implements FilledFormRenderer {

    private static final float MM = 72f / 25.4f;
    /** The smallest type a long value is set in before it is let run out of its box (about 1.8 mm). */
    private static final float SMALLEST = 5f;
    private static final String[] ERAS = {"明", "大", "昭", "平", "令"};
    private static final String[] ERA_NAMES = {"明治", "大正", "昭和", "平成", "令和"};
    private static final Color LINE = new Color(0x33, 0x33, 0x33);

    private final PdfFonts fonts;
    private final TwoDimensionalCodes codes;
    private final FieldDictionary dictionary;

    /** The catalogue's field dictionary says which fields are names (printed in the MJ font). */
    public OpenPdfFilledFormRenderer(PdfFonts fonts, TwoDimensionalCodes codes, FormCatalogue catalogue) {
        this.fonts = fonts;
        this.codes = codes;
        this.dictionary = catalogue.dictionary();
    }

    @Override
    public RenderedDocument render(FilledForm form) {
        FormDefinition definition = form.definition();
        Rectangle page = new Rectangle(definition.paper().width(definition.landscape()) * MM,
                definition.paper().height(definition.landscape()) * MM);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(page, 10 * MM, 10 * MM, 10 * MM, 12 * MM);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageFooter(fonts.text(), "受付番号 " + nz(form.receptionNumber()) + "　"
                    + definition.id() + " 第" + definition.version() + "版"));
            document.addTitle(definition.title());
            document.addCreator("Madoguchi");
            document.open();
            PdfContentByte canvas = writer.getDirectContent();
            List<Map.Entry<FormElement, List<Map<String, String>>>> overflow = new ArrayList<>();
            for (FormElement element : definition.elements()) {
                draw(canvas, page.getHeight(), element, form);
                List<Map<String, String>> rows = element.kind() == FormElement.Kind.TABLE
                        ? form.tables().getOrDefault(element.field(), List.of()) : List.of();
                if (rows.size() > fittingRows(element)) {
                    overflow.add(Map.entry(element, rows.subList(fittingRows(element), rows.size())));
                }
            }
            for (Map.Entry<FormElement, List<Map<String, String>>> rest : overflow) {
                continuation(document, writer, page, definition, rest.getKey(), rest.getValue());
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("様式 " + definition.id() + " のPDFを作成できません: " + e.getMessage(), e);
        }
        return new RenderedDocument(definition.id() + "_" + nz(form.receptionNumber()) + ".pdf", "application/pdf",
                out.toByteArray());
    }

    @Override
    public RenderedDocument render(List<FilledForm> forms) {
        if (forms.size() == 1) {
            return render(forms.get(0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        Document document = new Document();
        try {
            PdfCopy copy = new PdfCopy(document, out);
            document.open();
            for (FilledForm form : forms) {
                PdfReader reader = new PdfReader(render(form).content());
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    copy.addPage(copy.getImportedPage(reader, page));
                }
                copy.freeReader(reader);
                reader.close();
            }
            document.close();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("申請書をひとつのPDFにまとめられません: " + e.getMessage(), e);
        }
        String number = forms.isEmpty() ? "" : nz(forms.get(0).receptionNumber());
        return new RenderedDocument("申請書_" + number + ".pdf", "application/pdf", out.toByteArray());
    }

    @Override
    public List<String> missingGlyphs(FilledForm form) {
        List<String> missing = new ArrayList<>();
        for (FormElement e : form.definition().elements()) {
            if (e.field() == null) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            texts.add(form.value(e.field()));
            form.tables().getOrDefault(e.field(), List.of()).forEach(row -> texts.addAll(row.values()));
            BaseFont font = font(e, fontOf(e.field()));
            for (String text : texts) {
                // a character the element's font lacks is printed from IPAmj明朝 (see text), so only both lacking it is a hole
                text.codePoints().filter(cp -> !RubyText.isVariationSelector(cp) && !Character.isWhitespace(cp))
                        .filter(cp -> !font.charExists(cp) && !fonts.names().charExists(cp))
                        .forEach(cp -> missing.add("「" + new String(Character.toChars(cp)) + "」(U+"
                                + Integer.toHexString(cp).toUpperCase() + ") " + e.field()));
            }
        }
        return missing.stream().distinct().toList();
    }

    private void draw(PdfContentByte canvas, float pageHeight, FormElement e, FilledForm form) throws DocumentException {
        float x = e.x() * MM;
        float top = pageHeight - e.y() * MM;
        float w = e.width() * MM;
        float h = e.height() * MM;
        switch (e.kind()) {
            case HEADING:
                text(canvas, e.text(), font(e, fonts.text()), size(e, 16), x, top, w, h, Element.ALIGN_CENTER);
                break;
            case LABEL:
                text(canvas, e.text(), font(e, fonts.text()), size(e, 8), x + 1.2f, top - 0.6f, w - 2, h, Element.ALIGN_LEFT);
                break;
            case TEXT:
                text(canvas, form.value(e.field()), font(e, fontOf(e.field())), size(e, 11), x + 1.5f, top - 1, w - 3, h,
                        Element.ALIGN_LEFT);
                break;
            case BOXES:
                boxes(canvas, form.value(e.field()), e, x, top, w, h);
                break;
            case CHECK:
                check(canvas, e.text(), e.text().equals(form.value(e.field())), size(e, 9), x, top, w, h);
                break;
            case ERA:
                eras(canvas, form.value(e.field()), size(e, 9), x, top, w, h);
                break;
            case TABLE:
                table(canvas, form.tables().getOrDefault(e.field(), List.of()), e, x, top, w, h);
                break;
            case FRAME:
                frame(canvas, x, top, w, h, 1f);
                break;
            case SIGNATURE:
                signature(canvas, form, x, top, w, h);
                break;
            case QR:
                qr(canvas, form.receptionReference(), x, top, w, h);
                break;
            default:
                throw new IllegalStateException("未知の要素: " + e.kind());
        }
    }

    private void text(PdfContentByte canvas, String text, BaseFont font, float size, float x, float top, float w, float h,
                      int alignment) throws DocumentException {
        if (text == null || text.isEmpty()) {
            return;
        }
        // a text with a character the chosen font lacks (a rare 漢字 in IPAex) is set in IPAmj明朝 as a whole, not
        // with a hole; whole, because OpenPDF's per-character FontSelector drops variation selectors
        if (!covers(font, text)) {
            font = fonts.names();
        }
        // the longest real values (an 80-character address with 方書, a 20-character name) are set smaller rather
        // than cut off: ColumnText silently drops what does not fit its box
        float fitted = size;
        float used = height(canvas, text, font, fitted, x, top, w, h);
        while (used < 0 && fitted > SMALLEST) {
            fitted = Math.max(SMALLEST, fitted - 0.5f);
            used = height(canvas, text, font, fitted, x, top, w, h);
        }
        // a single line sits in the middle of its box, as on a printed form; longer text wraps from the top
        float offset = Math.max(0, (h - used) / 2);
        ColumnText column = column(canvas, text, font, fitted, x, top - offset, w, h - offset, alignment);
        column.go();
    }

    /** The height {@code text} takes set in its box at {@code size}, or −1 when it does not fit. */
    private static float height(PdfContentByte canvas, String text, BaseFont font, float size, float x, float top, float w,
                                float h) throws DocumentException {
        ColumnText trial = column(canvas, text, font, size, x, top, w, h, Element.ALIGN_LEFT);
        int status = trial.go(true);
        return ColumnText.hasMoreText(status) ? -1 : top - trial.getYLine() + font.getFontDescriptor(BaseFont.DESCENT, size) * -1;
    }

    private static ColumnText column(PdfContentByte canvas, String text, BaseFont font, float size, float x, float top,
                                     float w, float h, int alignment) {
        ColumnText column = new ColumnText(canvas);
        column.setSimpleColumn(x, top - h, x + w, top);
        column.setLeading(size * 1.25f);
        column.setAlignment(alignment);
        column.addText(new Phrase(text, new Font(font, size)));
        return column;
    }

    private void boxes(PdfContentByte canvas, String value, FormElement e, float x, float top, float w, float h)
            throws DocumentException {
        float cell = w / e.count();
        List<String> chars = new ArrayList<>();
        value.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
        for (int i = 0; i < e.count(); i++) {
            frame(canvas, x + i * cell, top, cell, h, 0.5f);
            if (i < chars.size()) {
                text(canvas, chars.get(i), font(e, fonts.text()), size(e, Math.min(h * 0.7f, 12)), x + i * cell, top, cell, h,
                        Element.ALIGN_CENTER);
            }
        }
    }

    private void check(PdfContentByte canvas, String label, boolean ticked, float size, float x, float top, float w, float h)
            throws DocumentException {
        float box = Math.min(h - 2, 3.6f * MM);
        float bx = x + 1;
        float by = top - (h + box) / 2;
        canvas.setColorStroke(LINE);
        canvas.setLineWidth(0.6f);
        canvas.rectangle(bx, by, box, box);
        canvas.stroke();
        if (ticked) {
            canvas.setLineWidth(1.4f);
            canvas.moveTo(bx + box * 0.15f, by + box * 0.5f);
            canvas.lineTo(bx + box * 0.42f, by + box * 0.18f);
            canvas.lineTo(bx + box * 0.9f, by + box * 0.88f);
            canvas.stroke();
        }
        text(canvas, label, fonts.text(), size, bx + box + 2, top, w - box - 3, h, Element.ALIGN_LEFT);
    }

    /** 明・大・昭・平・令 with the date's era circled, as on the paper forms. */
    private void eras(PdfContentByte canvas, String value, float size, float x, float top, float w, float h)
            throws DocumentException {
        float cell = w / ERAS.length;
        for (int i = 0; i < ERAS.length; i++) {
            text(canvas, ERAS[i], fonts.text(), size, x + i * cell, top, cell, h, Element.ALIGN_CENTER);
            if (value.startsWith(ERA_NAMES[i])) {
                canvas.setColorStroke(LINE);
                canvas.setLineWidth(0.8f);
                float r = Math.min(cell, h) / 2 - 0.5f;
                canvas.circle(x + i * cell + cell / 2, top - h / 2, r);
                canvas.stroke();
            }
        }
    }

    /**
     * 別紙: the members a table had no room for, on continuation pages of the same document with the same columns,
     * so a large household is printed whole and the page count in the footer includes them.
     */
    private void continuation(Document document, PdfWriter writer, Rectangle page, FormDefinition definition,
                              FormElement table, List<Map<String, String>> rows) throws DocumentException {
        float width = page.getWidth() / MM;
        FormElement sheet = new FormElement(FormElement.Kind.TABLE, 15, 28, width - 30, page.getHeight() / MM - 28 - 24,
                table.field(), table.text(), table.size(), 0, table.font());
        List<Map<String, String>> left = rows;
        while (!left.isEmpty()) {
            writer.setPageEmpty(false);
            document.newPage();
            PdfContentByte canvas = writer.getDirectContent();
            text(canvas, definition.title() + "（別紙）" + table.field() + "の続き", fonts.text(), 14, 15 * MM,
                    page.getHeight() - 12 * MM, sheet.width() * MM, 10 * MM, Element.ALIGN_LEFT);
            table(canvas, left, sheet, 15 * MM, page.getHeight() - 28 * MM, sheet.width() * MM, sheet.height() * MM);
            int fitting = fittingRows(sheet);
            left = left.size() > fitting ? left.subList(fitting, left.size()) : List.of();
        }
    }

    private static float rowHeight(FormElement table) {
        return Math.max(size(table, 9) * 2.2f, 6 * MM);
    }

    /** How many member rows a table has room for under its header row. */
    private static int fittingRows(FormElement table) {
        return table.kind() == FormElement.Kind.TABLE ? (int) Math.floor(table.height() * MM / rowHeight(table)) - 1 : 0;
    }

    private void table(PdfContentByte canvas, List<Map<String, String>> rows, FormElement e, float x, float top, float w,
                       float h) throws DocumentException {
        List<String> columns = e.columns();
        float rowHeight = rowHeight(e);
        float colWidth = w / columns.size();
        int fitting = fittingRows(e);
        frame(canvas, x, top, w, h, 1f);
        for (int c = 0; c < columns.size(); c++) {
            frame(canvas, x + c * colWidth, top, colWidth, rowHeight, 0.5f);
            text(canvas, columns.get(c), fonts.text(), 8, x + c * colWidth, top, colWidth, rowHeight, Element.ALIGN_CENTER);
        }
        for (int r = 0; r < Math.min(fitting, Math.max(rows.size(), fitting)); r++) {
            float rowTop = top - (r + 1) * rowHeight;
            for (int c = 0; c < columns.size(); c++) {
                frame(canvas, x + c * colWidth, rowTop, colWidth, rowHeight, 0.3f);
                if (r < rows.size()) {
                    String column = columns.get(c).strip();
                    BaseFont font = font(e, column.equals("氏名") || column.equals("住所") ? fonts.names() : fonts.text());
                    text(canvas, rows.get(r).getOrDefault(column, ""), font, size(e, 9), x + c * colWidth + 1, rowTop,
                            colWidth - 2, rowHeight, Element.ALIGN_LEFT);
                }
            }
        }
        if (rows.size() > fitting) {
            text(canvas, "ほか " + (rows.size() - fitting) + " 人は別紙に記載", fonts.text(), 8, x, top - h - 1, w, 4 * MM,
                    Element.ALIGN_RIGHT);
        }
    }

    private void signature(PdfContentByte canvas, FilledForm form, float x, float top, float w, float h)
            throws DocumentException {
        frame(canvas, x, top, w, h, 1.2f);
        boolean wet = form.definition().signing() == FormDefinition.Signing.WET;
        text(canvas, wet ? "署名（ご本人が自署してください）" : "署名", fonts.text(), 7, x + 1.5f, top - 0.5f, w - 3, 3.5f * MM,
                Element.ALIGN_LEFT);
        if (form.signature() != null && !wet) {
            try {
                Image image = Image.getInstance(form.signature());
                image.scaleToFit(w - 4, h - 4 * MM);
                image.setAbsolutePosition(x + (w - image.getScaledWidth()) / 2, top - h + 2);
                canvas.addImage(image);
            } catch (IOException e) {
                throw new UncheckedIOException("署名の画像を読めません", e);
            }
        }
    }

    private void qr(PdfContentByte canvas, String reference, float x, float top, float w, float h) throws DocumentException {
        if (reference == null || reference.isBlank()) {
            return;
        }
        try {
            Image qr = Image.getInstance(codes.qrPng(reference, 200));
            qr.scaleToFit(w, h);
            qr.setAbsolutePosition(x, top - qr.getScaledHeight());
            canvas.addImage(qr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void frame(PdfContentByte canvas, float x, float top, float w, float h, float width) {
        canvas.setColorStroke(LINE);
        canvas.setLineWidth(width);
        canvas.rectangle(x, top - h, w, h);
        canvas.stroke();
    }

    private static boolean covers(BaseFont font, String text) {
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || RubyText.isVariationSelector(cp)
                || font.charExists(cp));
    }

    /** The typeface the form's designer chose for the element, else the one its content calls for. */
    private BaseFont font(FormElement e, BaseFont otherwise) {
        return switch (e.font()) {
            case DEFAULT -> otherwise;
            case MINCHO -> fonts.text();
            case GOTHIC -> fonts.gothic();
            case MJ -> fonts.names();
        };
    }

    private BaseFont fontOf(String field) {
        boolean name = dictionary.find(field).map(f -> f.type() == FieldDefinition.Type.NAME).orElse(false);
        return name ? fonts.names() : fonts.text();
    }

    private static float size(FormElement e, float otherwise) {
        return e.size() > 0 ? e.size() : otherwise;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
