package jp.madoguchi.application.port.out;

/**
 * One thing wrong in a linkage file, for the administrator: the line (the header is line 1; 0 for the file as a
 * whole), the column as the file names it, a plain reason in Japanese, and the offending value, already masked
 * when the item is sensitive.
 */
public record LinkageProblem(long line, String column, String reason, String value) {

    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(line > 0 ? line + "行目" : "ファイル全体");
        if (column != null && !column.isEmpty()) {
            text.append("「").append(column).append("」");
        }
        text.append(": ").append(reason);
        if (value != null && !value.isEmpty()) {
            text.append("（値: ").append(value).append("）");
        }
        return text.toString();
    }
}
