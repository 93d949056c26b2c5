package jp.madoguchi.application.port.out;

import java.util.List;

/** A printer the counter can send a document to (IPP/CUPS through javax.print), with tray and paper. */
public interface DocumentPrinter {

    /** The printers this server can reach, by name. */
    List<String> printers();

    /** Sends the PDF; a printer that does not exist or refuses the job is an {@link IllegalArgumentException}. */
    void print(RenderedDocument document, PrintSettings settings);

    /** Where and how to print: printer name, tray (null: the printer's default) and paper (A4 or A3). */
    record PrintSettings(String printer, String tray, String paper) {
    }
}
