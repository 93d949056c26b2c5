package jp.madoguchi.staff.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

import io.micronaut.context.ApplicationContext;
import jp.madoguchi.application.port.in.BackUpDatabaseUseCase;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.RestoreDatabaseUseCase;
import jp.madoguchi.application.port.out.BackupHistory.BackupRun;
import jp.madoguchi.application.port.out.DatabaseRecovery.Restored;
import jp.madoguchi.domain.shared.Rejection;

/**
 * {@code ./madoguchi backup} takes a checked backup now (the server does it nightly); {@code ./madoguchi restore
 * [--to 時刻]} rebuilds the database from the backups, to a moment or to the newest WAL archived, with the server
 * stopped.
 */
public final class BackupSubcommand {

    private static final String BACKUP_HELP = """
            使い方: ./madoguchi backup [--data データフォルダ]
              内蔵の PostgreSQL のバックアップをいま取り、作業用の複製に復元して確かめます（サーバーは毎晩自動で取ります）。
              バックアップ先は madoguchi.backup.folder（既定 <データフォルダ>/backups）、鍵は <データフォルダ>/secrets/backup-key です。
              --data  本番の設置（./madoguchi setup で用意したフォルダ）。省略するとデモのデータフォルダです
            終了コード: 0 正常、1 失敗または検証で問題あり、2 指定の誤り""";

    private static final String RESTORE_HELP = """
            使い方: ./madoguchi restore [--to "2026-12-04 10:30:00"] [--data データフォルダ]
              バックアップからデータベースを作り直します。サーバーと他のコマンドを止めてから実行してください。
              --to    この時刻（市の時刻）までに確定した内容に戻します。省略すると送られた最新の WAL まで戻します
              --data  本番の設置のフォルダ。省略するとデモのデータフォルダです
              いまのデータベースのフォルダは消さずに postgres.before-restore-<日時> へ移します。
              復元に要るもの: バックアップ先、バックアップ鍵（secrets/backup-key）、データ鍵（secrets/data-key）、
              データベースのパスワード（secrets/db-*-password）。復元後にサーバーを起動したら、新しいバックアップを取ってください。
            終了コード: 0 正常、1 復元できない、2 指定の誤り""";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]");

    private BackupSubcommand() {
    }

    /** {@code ./madoguchi backup}; @return the process exit code */
    public static int backup(String[] args) {
        CliOptions options = CliOptions.read(args, Set.of("data"), BACKUP_HELP);
        if (options.stop()) {
            return options.exit();
        }
        try (ApplicationContext context = options.context().start()) {
            BackUpDatabaseUseCase backups = context.getBean(BackUpDatabaseUseCase.class);
            System.out.println("バックアップを取得しています（取得のあと作業用の複製に復元して確かめます）…");
            BackupRun run = backups.backUp();
            System.out.printf("バックアップ %s（%,.1f MB）: %s%n", run.id(), run.bytes() / 1_048_576.0, run.summary());
            return run.verified() ? 0 : 1;
        } catch (Rejection e) {
            System.err.println("エラー: " + e.getMessage());
            return 1;
        }
    }

    /** {@code ./madoguchi restore}; @return the process exit code */
    public static int restore(String[] args) {
        CliOptions options = CliOptions.read(args, Set.of("data", "to"), RESTORE_HELP);
        if (options.stop()) {
            return options.exit();
        }
        try (ApplicationContext context = options.context().start()) {
            ZoneId zone = context.getBean(Installation.class).zone();
            Optional<Instant> to;
            try {
                to = Optional.ofNullable(options.options().get("to"))
                        .map(text -> LocalDateTime.parse(text.strip(), TIME).atZone(zone).toInstant());
            } catch (DateTimeException e) {
                System.err.println("時刻は \"2026-12-04 10:30:00\" の形で指定してください: " + options.options().get("to"));
                return 2;
            }
            System.out.println(to.map(t -> "バックアップから " + TIME.format(t.atZone(zone)) + " の時点に復元しています…")
                    .orElse("バックアップから最新の時点に復元しています…"));
            Restored restored = context.getBean(RestoreDatabaseUseCase.class).restore(to);
            System.out.printf("復元しました。受付 %,d 件（最も新しい受付 %s）、アクセス記録 %,d 件。%n",
                    restored.counts().getOrDefault("reception", 0L),
                    restored.newestReception() == null ? "なし" : TIME.format(restored.newestReception().atZone(zone)),
                    restored.counts().getOrDefault("audit_entry", 0L));
            if (restored.setAside() != null) {
                System.out.println("それまでのデータベースは " + restored.setAside() + " に残してあります。確認が済んだら削除してください。");
            }
            System.out.println("サーバーを起動したら、新しいバックアップを取ってください（./madoguchi backup または管理画面）。");
            return 0;
        } catch (Rejection | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("エラー: " + e.getMessage());
            return 1;
        }
    }
}
