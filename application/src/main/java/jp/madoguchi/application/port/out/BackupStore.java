package jp.madoguchi.application.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Where backups are kept (a folder on another disk, the city's bucket): named files that appear only whole. A file
 * being written is invisible until its stream is closed, so a backup cut short by a crash is never taken for one.
 */
public interface BackupStore {

    /**
     * Writes a file: it appears under {@code name} only once {@code content} has written all of it without error
     * (replacing one of that name); a failure leaves nothing behind. Closing the stream handed over is harmless.
     */
    void write(String name, Content content) throws IOException;

    InputStream open(String name) throws IOException;

    /** The files whose names start with {@code prefix}, by name. */
    List<StoredFile> list(String prefix) throws IOException;

    void delete(String name) throws IOException;

    /** Removes what writes cut short (a crash, a kill) left unfinished before {@code before}; never listed anyway. */
    void removeUnfinished(Instant before) throws IOException;

    /** Where the files are, for messages (a folder or {@code s3://bucket/prefix}). */
    String location();

    /** What a file holds, written to the stream the store hands over. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file in the store and when it was written. */
    record StoredFile(String name, long size, Instant written) {
    }
}
