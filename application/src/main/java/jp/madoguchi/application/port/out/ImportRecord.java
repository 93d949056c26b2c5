package jp.madoguchi.application.port.out;

import java.time.Instant;

/** One line of the import history (取込履歴): a file, when, what became of it, the counts and the report. */
public record ImportRecord(long id, String linkageId, String fileName, String kind, String source, String outcome,
                           long rowsRead, long added, long changed, long deleted, int errorCount, String report,
                           Instant finishedAt, long durationMillis) {

    public String outcomeLabel() {
        return switch (outcome) {
            case "APPLIED" -> "取込済";
            case "REJECTED" -> "エラー（変更なし）";
            case "DUPLICATE" -> "取込済のファイル（変更なし）";
            case "OUT_OF_ORDER" -> "古いファイル（変更なし）";
            default -> outcome;
        };
    }
}
