package jp.madoguchi.adapters.documents.printing;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.Media;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.MediaTray;

import jakarta.inject.Singleton;
import jp.madoguchi.application.port.out.DocumentPrinter;
import jp.madoguchi.application.port.out.RenderedDocument;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Network printers through {@code javax.print}: on Linux the JDK finds the CUPS queues (and IPP printers CUPS
 * knows), so a counter's printer is chosen by its queue name, with tray and paper size as print attributes. The
 * PDF is sent as it is; CUPS converts it for the printer.
 */
@Singleton
public class JavaxPrintDocumentPrinter implements DocumentPrinter {

    private static final DocFlavor PDF = DocFlavor.INPUT_STREAM.PDF;

    @Override
    public List<String> printers() {
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName).toList();
    }

    @Override
    public void print(RenderedDocument document, PrintSettings settings) {
        PrintService service = Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                .filter(s -> s.getName().equals(settings.printer())).findFirst()
                .orElseThrow(() -> new Rejection("printing.printer", "プリンタ「" + settings.printer() + "」が見つかりません。"
                        + "プリンタの電源とネットワーク、CUPS の設定を確かめてください"));
        if (!service.isDocFlavorSupported(PDF)) {
            throw new Rejection("printing.printer", "プリンタ「" + settings.printer() + "」は PDF を受け付けません（CUPS のキューを使ってください）");
        }
        PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName(document.fileName(), null));
        // Paper size and tray are one attribute category (Media) in javax.print, so a request carries one of them: a
        // chosen tray wins (it holds the paper), otherwise the paper size; the PDF's own page size says A4 or A3 too.
        if (settings.tray() != null && !settings.tray().isBlank()) {
            attributes.add(tray(service, settings.tray()));
        } else {
            // a receipt roll (58mm, 80mm) has no media name: the PDF's page is the roll's width
            if ("A3".equals(settings.paper())) {
                attributes.add(MediaSizeName.ISO_A3);
            } else if (settings.paper() == null || "A4".equals(settings.paper())) {
                attributes.add(MediaSizeName.ISO_A4);
            }
        }
        DocPrintJob job = service.createPrintJob();
        try {
            job.print(new SimpleDoc(new ByteArrayInputStream(document.content()), PDF, null), attributes);
        } catch (PrintException e) {
            throw new Rejection("printing.printer", "プリンタ「" + settings.printer() + "」で印刷できませんでした: " + e.getMessage(), e);
        }
    }

    private static Media tray(PrintService service, String name) {
        Object supported = service.getSupportedAttributeValues(Media.class, PDF, null);
        if (supported instanceof Media[] media) {
            for (Media m : media) {
                if (m instanceof MediaTray && m.toString().equalsIgnoreCase(name)) {
                    return m;
                }
            }
        }
        for (MediaTray tray : List.of(MediaTray.MAIN, MediaTray.MANUAL, MediaTray.TOP, MediaTray.MIDDLE, MediaTray.BOTTOM)) {
            if (tray.toString().equalsIgnoreCase(name)) {
                return tray;
            }
        }
        throw new Rejection("printing.printer", "トレイ「" + name + "」はありません（main・manual・top・middle・bottom）");
    }
}
