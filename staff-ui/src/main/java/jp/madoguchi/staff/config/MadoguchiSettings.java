package jp.madoguchi.staff.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.synthetic.SyntheticPopulation;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * The installation's settings ({@code madoguchi.*} in application.yml, each overridable by environment
 * variable). Defaults describe the demo city, 見本県みらい市, which exists only in synthetic data.
 */
@Singleton
public class MadoguchiSettings {

    private final LocalGovernmentCode city;
    private final String cityName;
    private final String prefectureName;
    private final Path dataDir;
    private final Path exportFolder;
    private final long demoSeed;
    private final LocalDate demoAsOf;
    private final ZoneId zone;

    public MadoguchiSettings(@Property(name = "madoguchi.city.code", defaultValue = "999997") String cityCode,
                             @Property(name = "madoguchi.city.name", defaultValue = "みらい市") String cityName,
                             @Property(name = "madoguchi.city.prefecture", defaultValue = "見本県") String prefectureName,
                             @Property(name = "madoguchi.data-dir", defaultValue = "data") String dataDir,
                             @Property(name = "madoguchi.export.folder", defaultValue = "") String exportFolder,
                             @Property(name = "madoguchi.demo.seed", defaultValue = "20261122") long demoSeed,
                             @Property(name = "madoguchi.demo.as-of", defaultValue = "2026-04-01") String demoAsOf,
                             @Property(name = "madoguchi.zone", defaultValue = "Asia/Tokyo") String zone) {
        this.zone = ZoneId.of(zone);
        this.city = new LocalGovernmentCode(cityCode);
        this.cityName = cityName;
        this.prefectureName = prefectureName;
        this.dataDir = Path.of(dataDir).toAbsolutePath();
        this.exportFolder = exportFolder.isBlank() ? this.dataDir.resolve("exports").resolve("rpa") : Path.of(exportFolder);
        this.demoSeed = demoSeed;
        this.demoAsOf = LocalDate.parse(demoAsOf);
    }

    /** The city and time zone the pages, jobs and commands are handed (they read no setting themselves). */
    public Installation installation() {
        return new Installation(city, cityName, zone);
    }

    public LocalGovernmentCode city() {
        return city;
    }

    public String cityName() {
        return cityName;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path exportFolder() {
        return exportFolder;
    }

    /** The synthetic population of the demo: the same every start, so the demo card always finds its holder. */
    public SyntheticPopulation.Settings demoPopulation() {
        return new SyntheticPopulation.Settings(city, prefectureName, cityName, demoSeed, demoAsOf);
    }
}
