package jp.madoguchi.adapters.documents.printing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javax.print.Doc;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.ServiceUIFactory;
import javax.print.attribute.Attribute;
import javax.print.attribute.AttributeSet;
import javax.print.attribute.HashAttributeSet;
import javax.print.attribute.HashPrintServiceAttributeSet;
import javax.print.attribute.PrintJobAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.PrintServiceAttribute;
import javax.print.attribute.PrintServiceAttributeSet;
import javax.print.attribute.standard.Media;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.MediaTray;
import javax.print.event.PrintJobAttributeListener;
import javax.print.event.PrintJobListener;
import javax.print.event.PrintServiceAttributeListener;

/**
 * A print queue for the demo and the tests that speaks javax.print as a CUPS queue does for PDF, and keeps what it is
 * sent: each job is written as a PDF into a folder (the demo's "printed paper") and remembered with its attributes.
 * Registered with {@code PrintServiceLookup.registerService}, so the real printer adapter finds it by name.
 */
public final class SimulatedPrintQueue implements PrintService {

    /** One job: the bytes sent, and the request attributes as javax.print names them (iso-a4, manual, job name). */
    public record Job(byte[] content, List<String> attributes, Path file) {
    }

    private final String name;
    private final Path folder;
    private final List<Job> jobs = Collections.synchronizedList(new ArrayList<>());

    public SimulatedPrintQueue(String name, Path folder) {
        this.name = name;
        this.folder = folder;
    }

    public List<Job> jobs() {
        return List.copyOf(jobs);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public DocPrintJob createPrintJob() {
        PrintService service = this;
        return new DocPrintJob() {
            @Override
            public PrintService getPrintService() {
                return service;
            }

            @Override
            public PrintJobAttributeSet getAttributes() {
                return null;
            }

            @Override
            public void addPrintJobListener(PrintJobListener listener) {
            }

            @Override
            public void removePrintJobListener(PrintJobListener listener) {
            }

            @Override
            public void addPrintJobAttributeListener(PrintJobAttributeListener listener, PrintJobAttributeSet attributes) {
            }

            @Override
            public void removePrintJobAttributeListener(PrintJobAttributeListener listener) {
            }

            @Override
            public void print(Doc doc, PrintRequestAttributeSet attributes) throws PrintException {
                try (InputStream in = (InputStream) doc.getPrintData()) {
                    byte[] content = in.readAllBytes();
                    Files.createDirectories(folder);
                    Path file = folder.resolve(String.format("%04d.pdf", jobs.size() + 1));
                    Path partial = Files.createTempFile(folder, "job", ".part");
                    Files.write(partial, content);
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    jobs.add(new Job(content, Arrays.stream(attributes.toArray()).map(Object::toString).toList(), file));
                } catch (IOException e) {
                    throw new PrintException("印刷キュー " + name + " に書けません: " + e.getMessage());
                }
            }
        };
    }

    @Override
    public void addPrintServiceAttributeListener(PrintServiceAttributeListener listener) {
    }

    @Override
    public void removePrintServiceAttributeListener(PrintServiceAttributeListener listener) {
    }

    @Override
    public PrintServiceAttributeSet getAttributes() {
        return new HashPrintServiceAttributeSet();
    }

    @Override
    public <T extends PrintServiceAttribute> T getAttribute(Class<T> category) {
        return null;
    }

    @Override
    public DocFlavor[] getSupportedDocFlavors() {
        return new DocFlavor[]{DocFlavor.INPUT_STREAM.PDF};
    }

    @Override
    public boolean isDocFlavorSupported(DocFlavor flavor) {
        return DocFlavor.INPUT_STREAM.PDF.equals(flavor);
    }

    @Override
    public Class<?>[] getSupportedAttributeCategories() {
        return new Class<?>[]{Media.class};
    }

    @Override
    public boolean isAttributeCategorySupported(Class<? extends Attribute> category) {
        return category == Media.class;
    }

    @Override
    public Object getDefaultAttributeValue(Class<? extends Attribute> category) {
        return category == Media.class ? MediaSizeName.ISO_A4 : null;
    }

    @Override
    public Object getSupportedAttributeValues(Class<? extends Attribute> category, DocFlavor flavor, AttributeSet attributes) {
        return category == Media.class
                ? new Media[]{MediaTray.MAIN, MediaTray.MANUAL, MediaSizeName.ISO_A4, MediaSizeName.ISO_A3} : null;
    }

    @Override
    public boolean isAttributeValueSupported(Attribute value, DocFlavor flavor, AttributeSet attributes) {
        return true;
    }

    @Override
    public AttributeSet getUnsupportedAttributes(DocFlavor flavor, AttributeSet attributes) {
        return new HashAttributeSet();
    }

    @Override
    public ServiceUIFactory getServiceUIFactory() {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimulatedPrintQueue q && q.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "SimulatedPrintQueue[" + name + "]";
    }
}
