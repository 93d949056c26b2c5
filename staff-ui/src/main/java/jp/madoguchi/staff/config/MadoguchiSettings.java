package jp.madoguchi.staff.config;

import java.nio.file.Path;
import java.time.ZoneId;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.domain.shared.LocalGovernmentCode;

/**
 * The installation's settings ({@code madoguchi.*} in application.yml, each overridable by environment
 * variable). Defaults describe the demo city, 見本県みらい市, which exists only in synthetic data.
 */
@Singleton
public class MadoguchiSettings {

    private final LocalGovernmentCode city;
    private final String cityName;
    private final Path dataDir;
    private final Path exportFolder;
    private final ZoneId zone;

    public MadoguchiSettings(@Property(name = "madoguchi.city.code", defaultValue = "999997") String cityCode,
                             @Property(name = "madoguchi.city.name", defaultValue = "みらい市") String cityName,
                             @Property(name = "madoguchi.data-dir", defaultValue = "data") String dataDir,
                             @Property(name = "madoguchi.export.folder", defaultValue = "") String exportFolder,
                             @Property(name = "madoguchi.zone", defaultValue = "Asia/Tokyo") String zone) {
        this.zone = ZoneId.of(zone);
        this.city = new LocalGovernmentCode(cityCode);
        this.cityName = cityName;
        this.dataDir = Path.of(dataDir).toAbsolutePath();
        this.exportFolder = exportFolder.isBlank() ? this.dataDir.resolve("exports").resolve("rpa") : Path.of(exportFolder);
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

}
