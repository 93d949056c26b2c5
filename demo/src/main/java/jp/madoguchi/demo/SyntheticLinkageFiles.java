package jp.madoguchi.demo;

import java.nio.file.Path;
import java.time.LocalDate;

import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.GenerateCommand;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.GenerationReport;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population;
import jp.madoguchi.demo.linkage.CsvLinkageFileWriter;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * 合成住民の前方連携ファイル in one call, for tests and benchmarks: the demo city (999997 見本県みらい市) as of
 * 2026-04-01, FULL files named with that date, so the same seed gives the same bytes.
 */
public final class SyntheticLinkageFiles {

    public static final LocalGovernmentCode DEMO_CITY = new LocalGovernmentCode("999997");
    public static final LocalDate AS_OF = LocalDate.of(2026, 4, 1);

    private SyntheticLinkageFiles() {
    }

    public static GenerationReport write(Path folder, int residents, long seed) {
        return write(new Population(DEMO_CITY, "見本県", "みらい市", seed, AS_OF), folder, residents);
    }

    public static GenerationReport write(Population population, Path folder, int residents) {
        return new GenerateSyntheticResidentsService(new CsvLinkageFileWriter()).generate(new GenerateCommand(
                population, residents, folder, population.asOf().atStartOfDay()), n -> { });
    }

    /** The 住民基本情報 (001o005) file among those written. */
    public static Path residentFile(GenerationReport report) {
        return report.files().stream().filter(f -> f.getFileName().toString().startsWith("001o005_")).findFirst()
                .orElseThrow();
    }

}
