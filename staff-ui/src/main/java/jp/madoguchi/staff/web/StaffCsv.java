package jp.madoguchi.staff.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import jp.madoguchi.application.port.in.ManageStaffUseCase.StaffImportRow;
import jp.madoguchi.domain.shared.Rejection;

/**
 * The 人事異動 file as the personnel system writes it: CSV with a heading row naming the columns (ユーザーID, 氏名,
 * 役割, 開始日, 終了日; any order, others ignored), in UTF-8 (with or without BOM) or — as Excel saves it — Shift_JIS.
 */
final class StaffCsv {

    static final String TEMPLATE = "ユーザーID,氏名,役割,開始日,終了日\r\nsuzuki.hanako,鈴木 花子,CLERK,2027-04-01,\r\n"
            + "tanaka.saburo,田中 三郎,CLERK・SUPERVISOR,,2028-03-31\r\n";
    private static final Map<String, String> HEADINGS = Map.of("ユーザーID", "username", "氏名", "displayName",
            "役割", "roles", "開始日", "validFrom", "終了日", "validUntil");

    private StaffCsv() {
    }

    static List<StaffImportRow> read(byte[] bytes) {
        String text = decode(bytes).replace("\uFEFF", "");
        List<CsvRecord> records = CsvReader.builder().ofCsvRecord(text).stream()
                .filter(r -> !(r.getFieldCount() == 1 && r.getField(0).isBlank())).toList();
        if (records.isEmpty()) {
            throw new Rejection("staff.import-empty", "ファイルが空です（1行目は見出し: ユーザーID,氏名,役割,開始日,終了日）");
        }
        List<String> heading = records.get(0).getFields().stream().map(String::strip).toList();
        for (String required : List.of("ユーザーID", "氏名", "役割")) {
            if (!heading.contains(required)) {
                throw new Rejection("staff.import-heading", "1行目の見出しに「" + required + "」がありません"
                        + "（見出し: ユーザーID,氏名,役割,開始日,終了日。ひな形をダウンロードして使えます）");
            }
        }
        List<StaffImportRow> rows = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            int line = (int) record.getStartingLineNumber();
            rows.add(new StaffImportRow(line, field(record, heading, "ユーザーID"), field(record, heading, "氏名"),
                    field(record, heading, "役割"), field(record, heading, "開始日"), field(record, heading, "終了日")));
        }
        return rows;
    }

    private static String field(CsvRecord record, List<String> heading, String name) {
        int index = heading.indexOf(name);
        return index < 0 || index >= record.getFieldCount() ? "" : record.getField(index);
    }

    /** UTF-8 when the bytes are valid UTF-8, else Shift_JIS (Windows-31J), Excel's CSV in Japan. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-31j"));
        }
    }
}
