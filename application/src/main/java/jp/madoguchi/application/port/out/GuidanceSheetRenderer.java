package jp.madoguchi.application.port.out;

import java.util.List;

/** Lays out a guidance sheet (手続案内書) as a printable document. */
public interface GuidanceSheetRenderer {

    RenderedDocument render(GuidanceSheet sheet);

    /**
     * Everything the sheet says, already in its language: the renderer decides only where it goes.
     *
     * @param furigana    print readings over the words listed in {@code readings}
     * @param nextCounter the 「次の窓口」 line: the first counter still to visit
     */
    record GuidanceSheet(String language, boolean furigana, String fileName, String title, String municipality,
                         String receptionLine, String receptionReference, String eventLine, String nextCounter,
                         List<Counter> counters, String footer, List<GuidanceCatalogue.Reading> readings) {
        public GuidanceSheet {
            counters = List.copyOf(counters);
            readings = List.copyOf(readings);
        }
    }

    /** One counter with its procedures, in visiting order. */
    record Counter(String heading, String place, List<Entry> entries) {
        public Counter {
            entries = List.copyOf(entries);
        }
    }

    /** One procedure with labelled lines: for whom, what it is, why, what to bring, deadline, fee. */
    record Entry(String name, List<Line> lines) {
        public Entry {
            lines = List.copyOf(lines);
        }
    }

    /** A labelled line of an entry; {@code personalName} lines are set in the font with the MJ characters. */
    record Line(String label, String text, boolean personalName) {
    }
}
