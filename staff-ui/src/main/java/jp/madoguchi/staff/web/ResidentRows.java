package jp.madoguchi.staff.web;

import java.util.List;

import org.unbescape.html.HtmlEscape;

/**
 * The rows of the 住民検索 result table, written directly: up to 50 rows of 8 cells are the hot loop of the busiest
 * page, and rendering them through template expressions cost more than the database search itself (see
 * docs/benchmarks.md). Every value is HTML-escaped here exactly as {@code th:text} would.
 */
final class ResidentRows {

    private ResidentRows() {
    }

    static String html(List<ResidentSummary> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 400);
        for (ResidentSummary r : rows) {
            String number = text(r.number());
            out.append("<tr").append(r.removed() ? " class=\"removed\"" : "")
                    .append(" data-number=\"").append(number).append("\">")
                    .append("<td><a href=\"/staff/residents/").append(number).append("\">").append(number).append("</a></td>")
                    .append("<td class=\"name\"><span>").append(text(r.name())).append("</span>");
            String alias = text(r.alias());
            if (!alias.isEmpty()) {
                out.append("<span class=\"alias\">（通称 ").append(alias).append("）</span>");
            }
            out.append("</td>");
            cell(out, r.kana());
            cell(out, r.born());
            cell(out, r.sex());
            cell(out, r.address());
            cell(out, r.status());
            String score = text(r.score());
            if (!score.isEmpty()) {
                out.append("<td class=\"score\">").append(score)
                        .append(r.exact() ? "（4情報一致）" : "").append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.toString();
    }

    private static void cell(StringBuilder out, Object value) {
        out.append("<td>").append(text(value)).append("</td>");
    }

    private static String text(Object value) {
        return value == null ? "" : HtmlEscape.escapeHtml5Xml(value.toString());
    }
}
