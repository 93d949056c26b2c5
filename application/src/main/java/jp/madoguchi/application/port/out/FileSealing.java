package jp.madoguchi.application.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Files kept at rest that hold personal data (the imported linkage files in {@code archive/}): sealed with a key
 * derived from the data key, in a form that can be written and read as a stream, whatever the file's size, and that
 * refuses a file that was changed, cut short or lengthened.
 */
public interface FileSealing {

    /** The name sealed files end with. */
    String SUFFIX = ".sealed";

    /** A stream that seals what is written to it into {@code sealed}; closing it finishes (and closes) the file. */
    OutputStream sealing(OutputStream sealed) throws IOException;

    /** The plain bytes of a sealed file; reading past a changed or cut part throws an {@link IOException}. */
    InputStream opening(InputStream sealed) throws IOException;
}
