package jp.madoguchi.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.micronaut.runtime.Micronaut;
import jp.madoguchi.staff.cli.AuditSubcommand;
import jp.madoguchi.staff.cli.GenerateSubcommand;
import jp.madoguchi.staff.cli.ImportSubcommand;
import jp.madoguchi.staff.config.DemoMode;
import jp.madoguchi.staff.config.ProductionConfiguration;

/**
 * The one Madoguchi executable. {@code run} (the default) serves the kiosk at {@code /kiosk} and the staff
 * workstation at {@code /staff}; {@code generate} writes synthetic linkage files.
 */
public final class MadoguchiApplication {

    static final String JWT_SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private MadoguchiApplication() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("-") ? "run" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("-") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run" -> run(rest);
            case "start" -> start(rest);
            case "setup" -> System.exit(jp.madoguchi.staff.cli.SetupSubcommand.run(rest));
            case "generate" -> System.exit(GenerateSubcommand.run(rest));
            case "import" -> System.exit(ImportSubcommand.run(rest));
            case "audit" -> System.exit(AuditSubcommand.run(rest));
            case "archive" -> System.exit(jp.madoguchi.staff.cli.ArchiveSubcommand.run(rest));
            case "backup" -> System.exit(jp.madoguchi.staff.cli.BackupSubcommand.backup(rest));
            case "restore" -> System.exit(jp.madoguchi.staff.cli.BackupSubcommand.restore(rest));
            case "handover" -> System.exit(jp.madoguchi.staff.cli.HandoverSubcommand.handover(rest));
            case "erase" -> System.exit(jp.madoguchi.staff.cli.HandoverSubcommand.erase(rest));
            case "help" -> System.out.println(usage());
            default -> {
                System.err.println("不明なサブコマンドです: " + command + "\n" + usage());
                System.exit(2);
            }
        }
    }

    static void run(String[] args) {
        DemoMode demo = DemoMode.decide(System::getenv);
        System.out.println(demo.announcement());
        Map<String, Object> properties = new HashMap<>(signingSecret());
        properties.putAll(demo.properties());
        Micronaut.build(args)
                .mainClass(MadoguchiApplication.class)
                .banner(false)
                .properties(properties)
                .start();
    }

    /**
     * A production start: the installation {@code ./madoguchi setup} prepared in {@code --data}, its settings file on
     * top of the defaults, the demo off whatever the environment says.
     */
    static void start(String[] args) {
        if (args.length != 2 || !"--data".equals(args[0])) {
            System.err.println("使い方: ./madoguchi start --data データフォルダ（./madoguchi setup で用意したもの）");
            System.exit(2);
        }
        java.nio.file.Path data = java.nio.file.Path.of(args[1]).toAbsolutePath().normalize();
        io.micronaut.context.env.PropertySource settings;
        try {
            settings = jp.madoguchi.staff.config.ProductionConfiguration.load(data);
        } catch (IllegalArgumentException e) {
            System.err.println("エラー: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("本番として起動します（設定: " + data.resolve(jp.madoguchi.staff.config.ProductionConfiguration.FILE_NAME) + "）。");
        Micronaut.build(new String[0])
                .mainClass(MadoguchiApplication.class)
                .banner(false)
                .propertySources(settings)
                .start();
    }

    /**
     * The key that signs staff login tokens: {@code MADOGUCHI_JWT_SECRET} when set, else a random key made on
     * first start and kept (readable by the owner only) in the data folder, so logins survive a restart.
     */
    static Map<String, Object> signingSecret() {
        Map<String, Object> properties = new HashMap<>();
        if (System.getenv("MADOGUCHI_JWT_SECRET") != null || System.getProperty(JWT_SECRET) != null) {
            return properties;
        }
        Path dataDir = Path.of(System.getenv().getOrDefault("MADOGUCHI_DATA_DIR", "data"));
        properties.put(JWT_SECRET, ProductionConfiguration.signingKey(dataDir));
        return properties;
    }

    static String usage() {
        return """
                使い方: ./madoguchi [サブコマンド] [オプション]
                  run        デモを起動します（既定。このPCの 127.0.0.1 だけで待ち受け、合成データを入れます）
                  setup      本番の設置を用意します（--help で詳細）
                  start      本番を起動します（--data データフォルダ）
                  generate   合成住民データを前方連携ファイルとして書き出します（--help で詳細）
                  import     前方連携ファイルをフォルダか s3:// から取り込みます（--help で詳細）
                  audit verify  アクセス記録のハッシュの鎖を検証します
                  archive open  暗号化して保管した連携ファイルを平文で書き出します（--help で詳細）
                  backup     データベースのバックアップをいま取り、復元して確かめます（--help で詳細）
                  restore    バックアップからデータベースを復元します。時刻の指定もできます（--help で詳細）
                  handover   契約終了時に、市のデータを開かれた形式で書き出します（--help で詳細）
                  erase      データの返還後に、この設置のデータを消去し、消去証明書を書きます（--help で詳細）
                  help       この説明を表示します""";
    }
}
