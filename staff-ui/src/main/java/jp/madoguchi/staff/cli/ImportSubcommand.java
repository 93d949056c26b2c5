package jp.madoguchi.staff.cli;

import jp.madoguchi.domain.shared.Operator;

import io.micronaut.context.ApplicationContext;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.FileResult;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.ImportProgress;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.ImportSummary;
import jp.madoguchi.application.port.out.LinkageFile;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * {@code ./madoguchi import <フォルダ|s3://バケット/接頭辞>}: imports the waiting linkage files now, with a progress
 * bar per file and a summary. Uses the running system's database when the server is up.
 */
public final class ImportSubcommand {

    private static final String HELP = """
            使い方: ./madoguchi import <フォルダ | s3://バケット/接頭辞/> [--city 地方公共団体コード]
              フォルダまたはオブジェクトストレージにある前方連携ファイル（<連携ID>_<YYYYMMDDhhmmss>_<FULL|DIFF>.csv）を
              連携IDごとに古い順に取り込みます。ファイルごとに全件取込か変更なしのどちらかです。
              取り込んだファイルは archive/、誤りのあるファイルは quarantine/ に移り、誤りの一覧が .errors.txt に残ります。
              s3:// の接続先は madoguchi.linkage.s3.endpoint / access-key / secret-key（環境変数 MADOGUCHI_LINKAGE_S3_…）で指定します。
            終了コード: 0 すべて取込済（または取込済の重複）、1 取り込めなかったファイルあり、2 指定の誤り""";

    private ImportSubcommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        String location = null;
        String city = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println(HELP);
                    return 0;
                }
                case "--city" -> {
                    if (i + 1 >= args.length) {
                        System.err.println("--city の後に地方公共団体コードを書いてください\n" + HELP);
                        return 2;
                    }
                    city = args[++i];
                }
                default -> {
                    if (location != null || args[i].startsWith("--")) {
                        System.err.println("指定が正しくありません: " + args[i] + "\n" + HELP);
                        return 2;
                    }
                    location = args[i];
                }
            }
        }
        if (location == null) {
            System.err.println("取り込むフォルダか s3:// の場所を指定してください\n" + HELP);
            return 2;
        }
        try (ApplicationContext context = ApplicationContext.builder().environments("cli").deduceEnvironment(false).start()) {
            LocalGovernmentCode target = city != null ? new LocalGovernmentCode(city)
                    : context.getBean(Installation.class).city();
            ImportLinkageFilesUseCase importer = context.getBean(ImportLinkageFilesUseCase.class);
            ImportSummary summary = importer.importFrom(location, target, new BarProgress(),
                    // the person at the console, as the operating system knows them
                    new Operator(Operator.Kind.SYSTEM, "cli:" + System.getProperty("user.name"), "取込コマンド"));
            System.out.println();
            System.out.printf("取込元: %s%n", summary.source());
            if (summary.files().isEmpty()) {
                System.out.println("取り込むファイルはありませんでした。");
            }
            for (FileResult result : summary.files()) {
                System.out.println((result.applied() ? "  ✓ " : result.refused() ? "  ✗ " : "  - ") + result.message());
            }
            System.out.printf("取込 %d 件、取り込めなかったファイル %d 件%n", summary.applied(), summary.refused());
            if (summary.refused() > 0) {
                System.out.println("誤りの一覧は quarantine/ の .errors.txt と、管理画面の取込履歴で確認できます。");
            }
            return summary.refused() > 0 ? 1 : 0;
        } catch (IllegalArgumentException e) {
            System.err.println("エラー: " + e.getMessage());
            return 2;
        }
    }

    private static final class BarProgress implements ImportProgress {
        private ProgressBar bar;

        @Override
        public void fileStarted(LinkageFile file, int index, int count) {
            System.err.printf("(%d/%d) %s%n", index, count, file.name());
            bar = new ProgressBar("読込", file.size());
        }

        @Override
        public void bytesRead(LinkageFile file, long bytes) {
            bar.update(bytes);
        }

        @Override
        public void fileFinished(FileResult result) {
            bar.done();
        }
    }
}
