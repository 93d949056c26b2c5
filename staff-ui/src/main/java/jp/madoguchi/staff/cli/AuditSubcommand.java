package jp.madoguchi.staff.cli;

import java.util.Optional;

import io.micronaut.context.ApplicationContext;
import jp.madoguchi.application.port.in.MaintainAuditTrailUseCase;
import jp.madoguchi.application.port.in.VerifyAuditTrailUseCase;
import jp.madoguchi.application.port.out.AuditCheckpoint;
import jp.madoguchi.application.port.out.AuditPruning;
import jp.madoguchi.application.port.out.AuditVerification;

/**
 * {@code ./madoguchi audit verify|checkpoint|prune}: checks the access history's hash chain and its signed
 * checkpoints, signs the chain head now, or removes what is past the retention period. Uses the running system's
 * database when the server is up.
 */
public final class AuditSubcommand {

    private static final String HELP = """
            使い方: ./madoguchi audit verify|checkpoint|prune
              verify      アクセス記録のハッシュの鎖と署名済みチェックポイントを検証し、内容の変更・削除・並べ替えが
                          あれば最初の記録の番号を示します
              checkpoint  いまの鎖の先頭に署名してチェックポイントを作ります（サーバーは1時間ごとに自動で作ります）
              prune       保存期間（madoguchi.audit.retention、既定5年）を過ぎた記録を、チェックポイントまで削除します
            終了コード: 0 正常、1 改ざんあり、2 指定の誤り""";

    private AuditSubcommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        boolean help = args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]));
        if (args.length != 1 || !java.util.Set.of("verify", "checkpoint", "prune").contains(args[0])) {
            (help ? System.out : System.err).println(HELP);
            return help ? 0 : 2;
        }
        try (ApplicationContext context = ApplicationContext.builder().environments("cli").deduceEnvironment(false).start()) {
            switch (args[0]) {
                case "checkpoint":
                    return checkpoint(context.getBean(MaintainAuditTrailUseCase.class));
                case "prune":
                    return prune(context.getBean(MaintainAuditTrailUseCase.class));
                default:
                    return verify(context.getBean(VerifyAuditTrailUseCase.class));
            }
        }
    }

    private static int verify(VerifyAuditTrailUseCase useCase) {
        long started = System.nanoTime();
        AuditVerification result = useCase.verify();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (result.intact()) {
            System.out.printf("アクセス記録 %,d 件を検証しました。改ざんはありません（%.1f 秒）。%n", result.entries(), seconds);
            return 0;
        }
        System.out.printf("改ざんを検出しました: %s%n（それより前の %,d 件は正常です。%.1f 秒）%n", result.finding(),
                result.entries(), seconds);
        return 1;
    }

    private static int checkpoint(MaintainAuditTrailUseCase useCase) {
        try {
            Optional<AuditCheckpoint> made = useCase.checkpoint();
            System.out.println(made.map(c -> "チェックポイントを作成しました（第" + c.seq() + "番まで）。")
                    .orElse("前回のチェックポイントから新しい記録はありません。"));
            return 0;
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
            return 1;
        }
    }

    private static int prune(MaintainAuditTrailUseCase useCase) {
        AuditPruning pruning = useCase.prune();
        System.out.printf("保存期間（%s）を過ぎた記録 %,d 件を削除しました（残りの記録は第%d番のチェックポイントの後から始まります）。%n",
                useCase.retention(), pruning.removed(), pruning.throughSeq());
        return 0;
    }
}
