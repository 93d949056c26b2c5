package jp.madoguchi.adapters.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A tab-separated master file next to this class: {@code #} comments, a fixed number of columns per row. */
final class TabFile {

    private TabFile() {
    }

    static List<Row> read(String name, int columns) {
        InputStream in = TabFile.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("マスタ " + name + " が見つかりません");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = Arrays.copyOf(line.split("\t", -1), columns);
                if (line.split("\t", -1).length > columns || c[columns - 2] == null) {
                    throw new IllegalStateException(name + " " + number + "行目: " + columns + "項目（タブ区切り）が必要です");
                }
                rows.add(new Row(name, number, Arrays.stream(c).map(v -> v == null ? "" : v.strip()).toArray(String[]::new)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static String text(String name) {
        try (InputStream in = TabFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " が見つかりません");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row, with where it came from for messages. */
    record Row(String file, int line, String[] columns) {
        String column(int i) {
            return columns[i];
        }

        IllegalStateException problem(String what) {
            return new IllegalStateException(file + " " + line + "行目: " + what);
        }
    }
}
