package jp.madoguchi.staff.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.micronaut.context.ApplicationContext;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase;
import jp.madoguchi.domain.shared.LocalGovernmentCode;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.staff.config.ProductionConfiguration;

/**
 * {@code ./madoguchi setup}: prepares a production installation in a data folder of its own — the city, the database
 * (embedded or the city's PostgreSQL), TLS (the city's certificate, or the reverse proxy in front), the keys, and the
 * first administrator, whose one-time password is printed once and replaced at the first login together with the
 * second factor's enrolment. Never the demo: no synthetic resident, no demo account, no published secret.
 */
public final class SetupSubcommand {

    private static final Set<String> OPTIONS = Set.of("data", "city-code", "city-name", "prefecture", "db-url", "db-user",
            "db-password-file", "db-owner", "db-owner-password-file", "tls-keystore", "tls-keystore-password-file",
            "tls-cert", "tls-key", "proxy", "host", "port", "admin", "admin-name", "backup-folder");

    private static final String HELP = """
            使い方: ./madoguchi setup --data フォルダ --city-code 地方公共団体コード --city-name 市区町村名 [--prefecture 都道府県名]
                                     (--tls-keystore server.p12 --tls-keystore-password-file ファイル
                                      | --tls-cert server.pem --tls-key server-key.pem
                                      | --proxy リバースプロキシのアドレス)
                                     [--db-url jdbc:postgresql://… --db-user 利用者 --db-password-file ファイル
                                      --db-owner 所有者 --db-owner-password-file ファイル]
                                     [--host 待ち受けアドレス] [--port ポート] [--admin ユーザーID] [--admin-name 表示名]
                                     [--backup-folder バックアップ先（別のディスクやファイルサーバー）]
              本番の設置を新しいデータフォルダに用意します。設定は <データフォルダ>/madoguchi.yml（所有者だけが読めます）に書き、
              鍵を作り、データベースを用意して、最初の管理者を登録します。最初の管理者の一時パスワードは一度だけ表示します。
              起動は ./madoguchi start --data フォルダ です。
              --tls-*    市の証明書（PKCS#12、または PEM の証明書と秘密鍵）で HTTPS を提供します（既定ポート 8443）
              --proxy    TLS を終端するリバースプロキシのアドレス。そのアドレスからだけ転送ヘッダを信頼します（既定ポート 8080）
              --db-*     市の PostgreSQL。省略すると内蔵の PostgreSQL をデータフォルダの中に作ります
              --admin    最初の管理者のユーザーID（既定 sysadmin）
              --backup-folder  内蔵の PostgreSQL のバックアップ先（既定 <データフォルダ>/backups。別のディスクにしてください）
            パスワードはコマンド行に書かず、ファイルで渡します（ps や履歴に残さないため）。""";

    private SetupSubcommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        CliOptions read = CliOptions.read(args, OPTIONS, HELP);
        if (read.stop()) {
            return read.exit();
        }
        Map<String, String> options = read.options();
        try {
            ProductionConfiguration configuration = ProductionConfiguration.from(options, SetupSubcommand::readSecret);
            Path written = configuration.write();
            System.out.println("設定を書きました: " + written + "（所有者だけが読めます）");
            String once;
            try (ApplicationContext context = ApplicationContext.builder().environments("cli").deduceEnvironment(false)
                    .properties(configuration.runtimeProperties()).start()) {
                once = context.getBean(RegisterStaffAccountUseCase.class).registerFirstAdministrator(
                        new LocalGovernmentCode(configuration.cityCode()), configuration.administrator(),
                        configuration.administratorName(), Operator.system("setup"));
            }
            System.out.println("""

                    最初の管理者を登録しました。
                      ユーザーID:       %s
                      一時パスワード:   %s
                    この一時パスワードはここに一度だけ表示します（どこにも保存していません）。初回ログインで、ご自分の
                    パスワードへの変更と認証アプリ（二要素認証）の登録を求められます。
                    起動: ./madoguchi start --data %s
                    URL:  %s/staff/login
                    """.formatted(configuration.administrator(), once, configuration.dataDir(), configuration.url()));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("エラー: " + e.getMessage());
            return 2;
        }
    }

    private static String readSecret(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("パスワードのファイルを読めません: " + file, e);
        }
    }
}
