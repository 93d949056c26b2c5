package jp.madoguchi.application.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import jp.madoguchi.application.failpoint.FailPoints;
import jp.madoguchi.application.port.in.HandOverDataUseCase;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.AuditVerification;
import jp.madoguchi.application.port.out.DataHandover;
import jp.madoguchi.application.port.out.DataHandover.WrittenFile;
import jp.madoguchi.domain.audit.AuditAction;
import jp.madoguchi.domain.audit.AuditEntry;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * Hands the city's data back: the tables as CSV and the signatures as PNG (through the store), the access history's
 * verification as text, a README on the formats, and {@code manifest.json} naming every file with its size, rows and
 * SHA-256 — so the city can check the handover is whole, file by file, years later.
 */
public final class HandoverService implements HandOverDataUseCase {

    private final DataHandover data;
    private final AuditTrail trail;
    private final Installation installation;
    private final Clock clock;

    public HandoverService(DataHandover data, AuditTrail trail, Installation installation, Clock clock) {
        this.data = data;
        this.trail = trail;
        this.installation = installation;
        this.clock = clock;
    }

    @Override
    public Path handOver(Path folder, Operator operator) {
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> inside = Files.list(folder)) {
                    if (inside.findAny().isPresent()) {
                        throw new Rejection("handover.not-empty", "出力先 " + folder + " は空ではありません。新しいフォルダを指定してください");
                    }
                }
            }
            // written aside and renamed when whole: a handover cut short never looks like one
            Path target = folder;
            folder = target.resolveSibling("." + target.getFileName() + ".part");
            deleteTree(folder);
            Files.createDirectories(folder);
            List<WrittenFile> files = new ArrayList<>(data.write(installation.city().value(), folder));
            FailPoints.reach("handover.mid-write");
            AuditVerification verification = trail.verify();
            Files.writeString(folder.resolve("audit-verification.txt"), verificationText(verification), StandardCharsets.UTF_8);
            files.add(new WrittenFile("audit-verification.txt", "アクセス記録の検証結果（ハッシュの鎖と署名済みチェックポイント）", 1));
            Files.writeString(folder.resolve("README.txt"), readme(files), StandardCharsets.UTF_8);
            files.add(new WrittenFile("README.txt", "この出力の説明（ファイルと形式）", 1));
            Files.writeString(folder.resolve("manifest.json"), manifest(folder, files), StandardCharsets.UTF_8);
            Files.deleteIfExists(target);
            Files.move(folder, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            trail.append(new AuditEntry(clock.instant(), installation.city(), operator, "", AuditAction.EXPORT, List.of(),
                    "契約終了時のデータ返還", "出力先 " + target + "、" + files.size() + " ファイル"));
            return target.resolve("manifest.json");
        } catch (IOException e) {
            throw new UncheckedIOException("データを書き出せません（" + folder + "）: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private String verificationText(AuditVerification v) {
        return "アクセス記録の検証（" + clock.instant() + "）\n"
                + "検証した記録: " + v.entries() + " 件\n"
                + (v.intact() ? "結果: 改ざんはありません\n" : "結果: 改ざんを検出しました（第" + v.firstBroken() + "番）: " + v.finding() + "\n");
    }

    private String readme(List<WrittenFile> files) {
        StringBuilder text = new StringBuilder("""
                書かない窓口（Madoguchi）のデータ返還
                =====================================
                %s（地方公共団体コード %s）が所有するデータです。作成: %s
                形式: CSV は UTF-8、RFC 4180（全項目を引用符で囲む場合があります）、1行目が項目名です。日時は ISO 8601
                （タイムゾーン付き）、配列は PostgreSQL の {a,b} の形、バイト列は \\x で始まる16進です。署名は PNG です。
                manifest.json に、すべてのファイルの大きさ・行数・SHA-256 があります（sha256sum で確かめられます）。
                パスワードのハッシュ、二要素認証の秘密、API トークンのハッシュ、端末の鍵は含みません。

                ファイル
                """.formatted(installation.cityName(), installation.city().value(), clock.instant()));
        files.forEach(f -> text.append("- ").append(f.name()).append(": ").append(f.description()).append('\n'));
        return text.toString();
    }

    private String manifest(Path folder, List<WrittenFile> files) throws IOException {
        StringBuilder json = new StringBuilder("{\n  \"city\": ").append(quoted(installation.city().value()))
                .append(",\n  \"cityName\": ").append(quoted(installation.cityName()))
                .append(",\n  \"createdAt\": ").append(quoted(clock.instant().toString()))
                .append(",\n  \"files\": [\n");
        for (int i = 0; i < files.size(); i++) {
            WrittenFile file = files.get(i);
            Path path = folder.resolve(file.name());
            json.append("    {\"name\": ").append(quoted(file.name()))
                    .append(", \"bytes\": ").append(Files.size(path))
                    .append(", \"rows\": ").append(file.rows())
                    .append(", \"sha256\": ").append(quoted(sha256(path)))
                    .append(", \"description\": ").append(quoted(file.description())).append('}')
                    .append(i + 1 < files.size() ? ",\n" : "\n");
        }
        return json.append("  ]\n}\n").toString();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string: the names and descriptions here are ours, so quotes and backslashes are all there is to escape. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
