package jp.madoguchi.staff.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import io.micronaut.context.ApplicationContext;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.GenerateCommand;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.GenerationReport;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * {@code ./madoguchi generate}: writes synthetic residents as forward-linkage files. The same options give
 * the same files, byte for byte (file names carry the as-of date, not the clock).
 */
public final class GenerateSubcommand {

    private static final String HELP = """
            使い方: ./madoguchi generate [--count 件数] [--seed 数値] [--out フォルダ] [--as-of YYYY-MM-DD]
                                         [--city 地方公共団体コード] [--city-name 市区町村名] [--prefecture 都道府県名]
              --count       生成する住民の数（既定 10000、最大 10000000）
              --seed        乱数の種。同じ種からは同じ住民が生成されます（既定 1）
              --out         出力先フォルダ（既定 data/linkage）
              --as-of       基準日。年齢と日付はこの日を基準にします（既定 2026-04-01）
              --city        地方公共団体コード（既定 999997 見本県みらい市、架空）
            出力: 001o005（住民基本情報）, 001o013, 023o002, 024o007, 025o005, 026o001, 027o003 の FULL ファイル
            実在の人物のデータは一切使いません。""";

    private GenerateSubcommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        CliOptions read = CliOptions.read(args, Set.of("count", "seed", "out", "as-of", "city", "city-name", "prefecture"), HELP);
        if (read.stop()) {
            return read.exit();
        }
        Map<String, String> options = read.options();
        try (ApplicationContext context = ApplicationContext.builder().environments("cli").deduceEnvironment(false).start()) {
            LocalDate asOf = LocalDate.parse(options.getOrDefault("as-of", "2026-04-01"));
            Population settings = new Population(
                    new LocalGovernmentCode(options.getOrDefault("city", "999997")),
                    options.getOrDefault("prefecture", "見本県"), options.getOrDefault("city-name", "みらい市"),
                    Long.parseLong(options.getOrDefault("seed", "1")), asOf);
            int count = Integer.parseInt(options.getOrDefault("count", "10000").replace(",", "").replace("_", ""));
            Path out = Path.of(options.getOrDefault("out", "data/linkage"));
            GenerateSyntheticResidentsUseCase generator = context.getBean(GenerateSyntheticResidentsUseCase.class);
            ProgressBar progress = new ProgressBar(count);
            GenerationReport report = generator.generate(
                    new GenerateCommand(settings, count, out, LocalDateTime.of(asOf, java.time.LocalTime.MIDNIGHT)), progress);
            progress.done();
            System.out.printf("%,d 人（%,d 世帯）を %.1f 秒で生成しました。%n", report.residents(), report.households(),
                    report.took().toMillis() / 1000.0);
            report.files().forEach(f -> System.out.println("  " + f));
            return 0;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            System.err.println("エラー: " + e.getMessage());
            return 2;
        }
    }
}
