package jp.madoguchi.staff.web.statistics;

import java.util.List;
import java.util.Locale;

/**
 * The statistics' charts as SVG drawn on the server: bars, a line over days and an hour × weekday heat map. Each has a
 * {@code <title>} and a {@code <desc>} that a screen reader reads (role img), its text is text, and the page puts
 * the same numbers in a table beside it. Drawn here rather than with a charting library: these four shapes are a few
 * lines each, and the libraries we looked at (JFreeChart with JFreeSVG) draw through AWT and leave out the title,
 * description and role the page needs.
 */
final class SvgCharts {

    /** One bar or point: its label and its value. */
    record Datum(String label, long value) {
    }

    private static final int LABEL_WIDTH = 180;
    private static final int BAR_AREA = 420;
    private static final int ROW = 26;

    private SvgCharts() {
    }

    /** Horizontal bars, one per datum, with the value at the end of each bar. */
    static String bars(String id, String title, String description, List<Datum> data) {
        long max = Math.max(1, data.stream().mapToLong(Datum::value).max().orElse(1));
        int height = Math.max(ROW, data.size() * ROW) + 8;
        StringBuilder svg = open(id, title, description, LABEL_WIDTH + BAR_AREA + 60, height, "bars");
        for (int i = 0; i < data.size(); i++) {
            Datum d = data.get(i);
            int y = 4 + i * ROW;
            long width = Math.round((double) BAR_AREA * d.value() / max);
            svg.append(String.format(Locale.ROOT,
                    "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                            + "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                            + "<text class=\"value\" x=\"%d\" y=\"%d\">%,d</text>",
                    LABEL_WIDTH - 8, y + 17, escape(d.label()), LABEL_WIDTH, y + 3, Math.max(width, d.value() > 0 ? 2 : 0),
                    ROW - 6, LABEL_WIDTH + width + 6, y + 17, d.value()));
        }
        return svg.append("</svg>").toString();
    }

    /** A line over the days of the period, with a dot and the count on each day. */
    static String line(String id, String title, String description, List<Datum> days) {
        int width = 640;
        int height = 220;
        int left = 40;
        int right = 20;
        int top = 20;
        int bottom = 40;
        long max = Math.max(1, days.stream().mapToLong(Datum::value).max().orElse(1));
        StringBuilder svg = open(id, title, description, width, height, "line");
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                left, height - bottom, width - right, height - bottom));
        StringBuilder points = new StringBuilder();
        int n = days.size();
        int step = Math.max(1, n / 8);
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? (left + width - right) / 2.0 : left + (double) (width - left - right) * i / (n - 1);
            double y = height - bottom - (double) (height - top - bottom) * days.get(i).value() / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s: %,d件</title></circle>",
                    x, y, escape(days.get(i).label()), days.get(i).value()));
            if (i % step == 0 || i == n - 1) {
                svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x, height - bottom + 18, escape(days.get(i).label())));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%,d</text>",
                left - 6, top + 4, max));
        svg.append("<polyline class=\"series\" points=\"").append(points.toString().strip()).append("\"/>");
        return svg.append("</svg>").toString();
    }

    /**
     * Hours across, weekdays down; the darker the cell, the more visits. Each cell carries its count as text, so the
     * map reads without telling shades apart.
     */
    static String heatMap(String id, String title, String description, List<String> weekdays, List<Integer> hours,
                          long[][] counts) {
        int cell = 40;
        int left = 40;
        int top = 24;
        long max = 1;
        for (long[] row : counts) {
            for (long c : row) {
                max = Math.max(max, c);
            }
        }
        StringBuilder svg = open(id, title, description, left + hours.size() * cell + 4, top + weekdays.size() * cell + 4, "heat");
        for (int h = 0; h < hours.size(); h++) {
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d時</text>",
                    left + h * cell + cell / 2, top - 8, hours.get(h)));
        }
        for (int d = 0; d < weekdays.size(); d++) {
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    left - 8, top + d * cell + cell / 2 + 5, escape(weekdays.get(d))));
            for (int h = 0; h < hours.size(); h++) {
                long count = counts[d][h];
                int level = count == 0 ? 0 : 1 + (int) Math.min(4, (4 * count - 1) / max);
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"cell level-%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                                + "<text class=\"count level-%d\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        level, left + h * cell, top + d * cell, cell - 2, cell - 2, level, left + h * cell + cell / 2 - 1,
                        top + d * cell + cell / 2 + 4, count == 0 ? "" : String.valueOf(count)));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description, int width, int height, String kind) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart %s\" id=\"%s\" role=\"img\" viewBox=\"0 0 %d %d\" "
                        + "aria-labelledby=\"%s-title %s-desc\"><title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>",
                kind, id, width, height, id, id, id, escape(title), id, escape(description)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
