package jp.madoguchi.application.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jp.madoguchi.application.port.out.DatabaseBackup.BaseCopy;

/**
 * {@code base/<id>/manifest.properties}: what a base copy needs to be restored (the WAL from {@code startWal} on) and
 * what its check found. Plain text with no personal data, so a city's IT staff can read the store without a key.
 */
record BackupManifest(String id, String startWal, String stopWal, Instant startedAt, Instant finishedAt, long bytes,
                      boolean verified, String summary, Map<String, Long> countsAtStart) {

    static final String FILE = "manifest.properties";

    static BackupManifest of(String id, BaseCopy copy, long bytes, boolean verified, String summary) {
        return new BackupManifest(id, copy.startWal(), copy.stopWal(), copy.startedAt(), copy.finishedAt(), bytes,
                verified, summary, copy.countsAtStart());
    }

    String folder() {
        return "base/" + id + "/";
    }

    void write(OutputStream out) throws IOException {
        Properties p = new Properties();
        p.setProperty("id", id);
        p.setProperty("start-wal", startWal);
        p.setProperty("stop-wal", stopWal);
        p.setProperty("started-at", startedAt.toString());
        p.setProperty("finished-at", finishedAt.toString());
        p.setProperty("bytes", Long.toString(bytes));
        p.setProperty("verified", Boolean.toString(verified));
        p.setProperty("summary", summary);
        countsAtStart.forEach((table, count) -> p.setProperty("count." + table, Long.toString(count)));
        StringWriter text = new StringWriter();
        p.store(text, "Madoguchi base backup");
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static BackupManifest read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        Map<String, Long> counts = new TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("count."))
                .forEach(k -> counts.put(k.substring("count.".length()), Long.valueOf(p.getProperty(k))));
        try {
            return new BackupManifest(p.getProperty("id"), p.getProperty("start-wal"), p.getProperty("stop-wal"),
                    Instant.parse(p.getProperty("started-at")), Instant.parse(p.getProperty("finished-at")),
                    Long.parseLong(p.getProperty("bytes")), Boolean.parseBoolean(p.getProperty("verified")),
                    p.getProperty("summary", ""), counts);
        } catch (RuntimeException e) {
            throw new IOException("バックアップの目録が読めません: " + e.getMessage(), e);
        }
    }
}
