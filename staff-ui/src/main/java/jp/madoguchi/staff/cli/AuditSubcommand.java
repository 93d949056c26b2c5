package jp.madoguchi.staff.cli;

import io.micronaut.context.ApplicationContext;
import jp.madoguchi.application.port.in.VerifyAuditTrailUseCase;
import jp.madoguchi.application.port.out.AuditVerification;

/**
 * {@code ./madoguchi audit verify}: walks the access history's hash chain and names the first entry that was changed,
 * removed or moved. Uses the running system's database when the server is up.
 */
public final class AuditSubcommand {

    private static final String HELP = """
            使い方: ./madoguchi audit verify
              アクセス記録のハッシュの鎖を先頭からたどり、内容の変更・削除・並べ替えがあれば最初の記録の番号を示します。
            終了コード: 0 改ざんなし、1 改ざんあり、2 指定の誤り""";

    private AuditSubcommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        if (args.length != 1 || !"verify".equals(args[0])) {
            (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0])) ? System.out : System.err).println(HELP);
            return args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0])) ? 0 : 2;
        }
        try (ApplicationContext context = ApplicationContext.builder().environments("cli").deduceEnvironment(false).start()) {
            long started = System.nanoTime();
            AuditVerification result = context.getBean(VerifyAuditTrailUseCase.class).verify();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (result.intact()) {
                System.out.printf("アクセス記録 %,d 件を検証しました。改ざんはありません（%.1f 秒）。%n", result.entries(), seconds);
                return 0;
            }
            System.out.printf("改ざんを検出しました: %s%n（それより前の %,d 件は正常です。%.1f 秒）%n", result.finding(),
                    result.entries(), seconds);
            return 1;
        }
    }
}
