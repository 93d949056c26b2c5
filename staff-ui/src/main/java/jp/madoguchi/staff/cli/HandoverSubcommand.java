package jp.madoguchi.staff.cli;

import java.nio.file.Path;
import java.util.Set;

import io.micronaut.context.ApplicationContext;
import jp.madoguchi.application.port.in.EraseInstallationUseCase;
import jp.madoguchi.application.port.in.HandOverDataUseCase;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * At the end of the contract: {@code ./madoguchi handover --out DIR} writes the city's data out in open formats;
 * {@code ./madoguchi erase --confirm <団体コード>} then destroys the installation and writes a signed certificate.
 */
public final class HandoverSubcommand {

    private static final String HANDOVER_HELP = """
            使い方: ./madoguchi handover --out 出力先フォルダ [--data データフォルダ]
              市が所有するデータ（受付と回答・署名、様式と版、規則、職員と役割、アクセス記録とその検証結果、取込履歴、
              基幹連携の記録）を、CSV（UTF-8）と PNG で新しいフォルダに書き出します。manifest.json に全ファイルの
              SHA-256 があり、README.txt に形式の説明があります。出力はアクセス記録に「出力」として残ります。
            終了コード: 0 正常、1 失敗、2 指定の誤り""";

    private static final String ERASE_HELP = """
            使い方: ./madoguchi erase --confirm 地方公共団体コード [--certificate 証明書の出力先] [--data データフォルダ]
              この設置のデータを消去します: データベース、バックアップ、連携ファイルの保管、出力、ログ、最後に鍵。
              元に戻せません。先に ./madoguchi handover でデータを返還し、サーバーを止めてから実行してください。
              消去証明書（消去したものの一覧と署名）を --certificate（既定: ./erasure-certificate-<団体コード>.txt）に
              書き、署名の公開鍵の指紋を表示します。指紋は控えておいてください。
            終了コード: 0 正常、1 失敗、2 指定の誤り""";

    private HandoverSubcommand() {
    }

    /** {@code ./madoguchi handover}; @return the process exit code */
    public static int handover(String[] args) {
        CliOptions options = CliOptions.read(args, Set.of("out", "data"), HANDOVER_HELP);
        if (options.stop()) {
            return options.exit();
        }
        if (!options.options().containsKey("out")) {
            System.err.println("出力先（--out）を指定してください\n" + HANDOVER_HELP);
            return 2;
        }
        try (ApplicationContext context = options.context().start()) {
            Path manifest = context.getBean(HandOverDataUseCase.class).handOver(Path.of(options.options().get("out")).toAbsolutePath(),
                    new Operator(Operator.Kind.SYSTEM, "cli:" + System.getProperty("user.name"), "データ返還"));
            System.out.println("書き出しました。目録（各ファイルの SHA-256）: " + manifest);
            return 0;
        } catch (Rejection | java.io.UncheckedIOException e) {
            System.err.println("エラー: " + e.getMessage());
            return 1;
        }
    }

    /** {@code ./madoguchi erase}; @return the process exit code */
    public static int erase(String[] args) {
        CliOptions options = CliOptions.read(args, Set.of("confirm", "certificate", "data"), ERASE_HELP);
        if (options.stop()) {
            return options.exit();
        }
        String confirm = options.options().getOrDefault("confirm", "");
        Path certificate = Path.of(options.options().getOrDefault("certificate", "erasure-certificate-" + confirm + ".txt"))
                .toAbsolutePath();
        try (ApplicationContext context = options.context().start()) {
            String fingerprint = context.getBean(EraseInstallationUseCase.class).erase(confirm, certificate);
            System.out.println("消去しました。消去証明書: " + certificate);
            System.out.println("署名の公開鍵の指紋（控えてください）: " + fingerprint);
            return 0;
        } catch (Rejection | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("エラー: " + e.getMessage());
            return 1;
        }
    }
}
