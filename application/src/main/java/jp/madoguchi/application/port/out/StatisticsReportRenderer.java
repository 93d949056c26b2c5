package jp.madoguchi.application.port.out;

import java.util.List;

/** Lays out a statistics report (日報・月報) as a printable A4 document. */
public interface StatisticsReportRenderer {

    RenderedDocument render(StatisticsDocument document);

    /**
     * Everything the report says, already worded: the renderer decides only where it goes.
     *
     * @param periodLine    the period and what it is compared with
     * @param generatedLine when and from what the report was made
     */
    record StatisticsDocument(String fileName, String title, String municipality, String periodLine,
                              String generatedLine, List<Section> sections) {
        public StatisticsDocument {
            sections = List.copyOf(sections);
        }
    }

    /**
     * One part of the report: a heading, an optional bar chart and the table with the same numbers.
     *
     * @param chartTitle what the bars show; empty with no bars
     */
    record Section(String heading, String chartTitle, List<Bar> bars, List<String> columns, List<List<String>> rows) {
        public Section {
            bars = List.copyOf(bars);
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    record Bar(String label, long value) {
    }
}
