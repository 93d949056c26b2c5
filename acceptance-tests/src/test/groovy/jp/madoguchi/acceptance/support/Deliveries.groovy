package jp.madoguchi.acceptance.support

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/** What the hand-off job delivered to the RPA folder of the running system, read back as the core system would. */
class Deliveries {

    /** The rows delivered for a visit's procedure, as column → value, waiting for the job (one file per record). */
    static List<Map<String, String>> rows(RunningMadoguchi app, String layout, String number, String procedure, int rows = 1) {
        String stem = "${layout}_999997-${number}-${procedure}"
        List<Path> files = []
        for (int i = 0; i < 100; i++) {
            files = Files.exists(app.exportFolder()) ? Files.list(app.exportFolder()).withCloseable { s ->
                s.filter { it.fileName.toString().startsWith(stem) }.sorted().toList() } : []
            if (files.size() >= rows) {
                break
            }
            Thread.sleep(100)
        }
        assert files.size() == rows
        files.collect { file ->
            def lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\uFEFF', '').split('\r\n')
            assert lines.length == 2
            [cells(lines[0]), cells(lines[1])].transpose().collectEntries()
        }
    }

    /** One CSV line of quoted fields (the hand-off quotes every field). */
    static List<String> cells(String line) {
        (line =~ /"((?:[^"]|"")*)"/).collect { it[1].replace('""', '"') }
    }
}
