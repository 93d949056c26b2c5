package jp.madoguchi.demo;

import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population;
import jp.madoguchi.domain.shared.Operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.GenerateCommand;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase.ImportSummary;
import jp.madoguchi.demo.PrepareDemoUseCase;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase.RegisterStaffCommand;
import jp.madoguchi.application.port.out.ResidentReplica;
import jp.madoguchi.demo.synthetic.SyntheticPopulation;

/**
 * Fills an empty installation the way a real one is filled: synthetic residents are written as forward-linkage
 * files and imported through the same import every city's files go through, business data included.
 */
public final class PrepareDemoService implements PrepareDemoUseCase {

    private final ResidentReplica replica;
    private final GenerateSyntheticResidentsUseCase generator;
    private final ImportLinkageFilesUseCase importer;
    private final RegisterStaffAccountUseCase staff;
    private final Population population;
    private final int residents;
    private final Path workFolder;
    private final List<RegisterStaffCommand> demoStaff;

    public PrepareDemoService(ResidentReplica replica, GenerateSyntheticResidentsUseCase generator,
                              ImportLinkageFilesUseCase importer, RegisterStaffAccountUseCase staff,
                              Population population, int residents, Path workFolder,
                              List<RegisterStaffCommand> demoStaff) {
        this.replica = replica;
        this.generator = generator;
        this.importer = importer;
        this.staff = staff;
        this.population = population;
        this.residents = residents;
        this.workFolder = workFolder;
        this.demoStaff = List.copyOf(demoStaff);
    }

    @Override
    public DemoReport prepare() {
        int loaded = 0;
        if (replica.count(population.city()) == 0) {
            generator.generate(new GenerateCommand(population, residents, workFolder,
                    LocalDateTime.of(population.asOf(), LocalTime.MIDNIGHT)), n -> { });
            ImportSummary summary = importer.importFrom(workFolder.toString(), population.city(),
                    ImportLinkageFilesUseCase.ImportProgress.NONE, Operator.system("demo"));
            if (summary.refused() > 0) {
                throw new IllegalStateException("デモデータを取り込めません: " + summary.files());
            }
            loaded = (int) replica.count(population.city());
            deleteQuietly(workFolder);
        }
        int created = (int) demoStaff.stream().filter(staff::registerIfAbsent).count();
        return new DemoReport(loaded, created);
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("デモ用の作業フォルダを片付けられません: " + folder, e);
        }
    }
}
