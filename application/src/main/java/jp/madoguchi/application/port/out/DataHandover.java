package jp.madoguchi.application.port.out;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes what the city owns out of the database into a folder as open formats: a CSV (UTF-8, RFC 4180, header row)
 * per table, the signatures as PNG. Credentials (password hashes, second-factor secrets, API token hashes, terminal
 * keys) are left out: they are the system's, not records of the city's work.
 */
public interface DataHandover {

    List<WrittenFile> write(String cityCode, Path folder) throws IOException;

    /**
     * A file written.
     *
     * @param name        its path inside the folder, with {@code /}
     * @param description what it holds, in Japanese
     * @param rows        its data rows (a CSV's lines after the header; 1 for a PNG)
     */
    record WrittenFile(String name, String description, long rows) {
    }
}
