package jp.madoguchi.staff.cli;

import java.nio.file.Path;

import io.micronaut.context.ApplicationContext;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.OpenLinkageArchiveUseCase;
import jp.madoguchi.domain.shared.Operator;
import jp.madoguchi.domain.shared.Rejection;

/**
 * {@code ./madoguchi archive open <file.sealed> <out.csv>}: writes an archived linkage file out in plain text with the
 * installation's data key (owner-only, never over an existing file), recorded in the access history as an 出力.
 */
public final class ArchiveSubcommand {

    private static final String HELP = """
            使い方: ./madoguchi archive open <保管ファイル.sealed> <出力先.csv>
              取り込んだ連携ファイルは archive/ にデータ鍵で暗号化して保管され、保管期間
              （madoguchi.linkage.archive-retention、既定30日）を過ぎると削除されます。このコマンドはその内容を
              出力先に平文で書き出します（所有者だけが読める新しいファイル。アクセス記録に「出力」として残ります）。
              使い終えたら出力先のファイルを削除してください。
            終了コード: 0 正常、1 復号できない、2 指定の誤り""";

    private ArchiveSubcommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        if (args.length != 3 || !"open".equals(args[0])) {
            boolean help = args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]));
            (help ? System.out : System.err).println(HELP);
            return help ? 0 : 2;
        }
        try (ApplicationContext context = ApplicationContext.builder().environments("cli").deduceEnvironment(false).start()) {
            long written = context.getBean(OpenLinkageArchiveUseCase.class).open(context.getBean(Installation.class).city(),
                    Path.of(args[1]), Path.of(args[2]),
                    // the person at the console, as the operating system knows them
                    new Operator(Operator.Kind.SYSTEM, "cli:" + System.getProperty("user.name"), "保管ファイルの復号"));
            System.out.printf("%s に %,d バイトを書き出しました。使い終えたら削除してください。%n", args[2], written);
            return 0;
        } catch (Rejection e) {
            System.err.println("エラー: " + e.getMessage());
            return 1;
        }
    }
}
