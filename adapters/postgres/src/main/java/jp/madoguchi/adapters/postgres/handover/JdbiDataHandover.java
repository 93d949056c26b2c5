package jp.madoguchi.adapters.postgres.handover;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jp.madoguchi.application.port.out.DataHandover;
import org.postgresql.PGConnection;

/**
 * The city's tables written with PostgreSQL's own CSV output ({@code COPY … TO STDOUT}), each row of the city only,
 * every column but the credentials; the tablet signatures also as PNG files named by their 受付番号.
 */
public final class JdbiDataHandover implements DataHandover {

    /** The tables handed back, in the order a reader meets them, with what each holds. */
    private static final List<Table> TABLES = List.of(
            new Table("reception", "receptions.csv", "受付（受付番号・経路・状態・担当課・日時）"),
            new Table("reception_procedure", "reception-procedures.csv", "受付ごとの手続"),
            new Table("reception_answer", "reception-answers.csv", "聞き取りの回答"),
            new Table("reception_timeline", "reception-timeline.csv", "受付の経過（受付・呼出・回付・完了など）"),
            new Table("reception_card_face", "reception-card-faces.csv", "マイナンバーカードから読んだ券面事項（個人番号を除く）"),
            new Table("reception_move_in", "reception-move-ins.csv", "転入届の内容"),
            new Table("reception_move_in_companion", "reception-move-in-companions.csv", "転入届で同じ世帯に転入する家族"),
            new Table("reception_form_print", "reception-form-prints.csv", "印刷した様式とその版"),
            new Table("reception_signature", "signatures.csv", "タブレットでの署名（画像は signatures/<受付番号>.png）"),
            new Table("related_procedure_list", "related-procedure-lists.csv", "関連手続の一覧（手続案内書）"),
            new Table("related_procedure_item", "related-procedure-items.csv", "関連手続の項目"),
            new Table("related_procedure_reason", "related-procedure-reasons.csv", "関連手続を加えた・外した理由"),
            new Table("handoff_record", "handoff-records.csv", "基幹系へ渡した記録"),
            new Table("form_definition", "forms.csv", "様式の定義とその版（definition 列が様式の全体）"),
            new Table("procedure_rule", "procedure-rules.csv", "関連手続の規則とその版"),
            new Table("staff_account", "staff.csv", "職員（パスワードと二要素認証の秘密を除く）"),
            new Table("staff_role", "roles.csv", "役割と権限"),
            new Table("linkage_import", "linkage-imports.csv", "前方連携の取込履歴"),
            new Table("audit_entry", "audit-entries.csv", "アクセス記録（ハッシュの鎖つき）"),
            new Table("audit_checkpoint", "audit-checkpoints.csv", "アクセス記録の署名済みチェックポイント"));

    /** Credentials and the signature image (written as files): never in a CSV. */
    private static final Set<String> LEFT_OUT = Set.of("password_hash", "totp_secret", "totp_pending", "token_sha256",
            "key_sealed", "png");

    private final DataSource database;

    public JdbiDataHandover(DataSource database) {
        this.database = database;
    }

    private record Table(String name, String file, String description) {
    }

    @Override
    public List<WrittenFile> write(String cityCode, Path folder) throws IOException {
        List<WrittenFile> written = new ArrayList<>();
        try (Connection c = database.getConnection()) {
            for (Table table : TABLES) {
                List<String> columns = columns(c, table.name());
                if (columns.isEmpty()) {
                    continue;
                }
                String select = "SELECT " + String.join(", ", columns) + " FROM " + table.name()
                        + (columns.contains("city_code") ? " WHERE city_code = '" + cityCode.replace("'", "''") + "'" : "")
                        + " ORDER BY 1, 2";
                long rows;
                try (Writer out = Files.newBufferedWriter(folder.resolve(table.file()), StandardCharsets.UTF_8)) {
                    rows = c.unwrap(PGConnection.class).getCopyAPI()
                            .copyOut("COPY (" + select + ") TO STDOUT WITH (FORMAT csv, HEADER true)", out);
                }
                written.add(new WrittenFile(table.file(), table.description(), rows));
            }
            written.addAll(signatures(c, cityCode, folder));
            return written;
        } catch (SQLException e) {
            throw new IOException("データベースから書き出せません: " + e.getMessage(), e);
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!LEFT_OUT.contains(rs.getString(1))) {
                        columns.add(rs.getString(1));
                    }
                }
            }
        }
        return columns;
    }

    private static List<WrittenFile> signatures(Connection c, String cityCode, Path folder) throws SQLException, IOException {
        List<WrittenFile> files = new ArrayList<>();
        Path images = Files.createDirectories(folder.resolve("signatures"));
        try (PreparedStatement s = c.prepareStatement("SELECT number, png FROM reception_signature WHERE city_code = ? ORDER BY number")) {
            s.setString(1, cityCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = "signatures/" + rs.getString(1).replaceAll("[^0-9A-Za-z-]", "_") + ".png";
                    try (OutputStream out = Files.newOutputStream(folder.resolve(name))) {
                        out.write(rs.getBytes(2));
                    }
                    files.add(new WrittenFile(name, "受付 " + rs.getString(1) + " の署名", 1));
                }
            }
        }
        if (files.isEmpty()) {
            Files.delete(images);
        }
        return files;
    }
}
