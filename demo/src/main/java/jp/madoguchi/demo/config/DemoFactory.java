package jp.madoguchi.demo.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jp.madoguchi.adapters.devices.cardreader.SimulatedCardTerminal;
import jp.madoguchi.application.port.in.DemoSecondFactorUseCase;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase.Population;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase;
import jp.madoguchi.application.port.in.Installation;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase.RegisterStaffCommand;
import jp.madoguchi.application.port.out.OneTimePasswords;
import jp.madoguchi.application.port.out.ResidentReplica;
import jp.madoguchi.demo.DemoCard;
import jp.madoguchi.demo.GenerateSyntheticResidentsService;
import jp.madoguchi.demo.LinkageFileWriter;
import jp.madoguchi.demo.PrepareDemoService;
import jp.madoguchi.demo.PrepareDemoUseCase;

/**
 * デモの部品: 合成住民の生成、デモの住民と職員、デモ用カード、ログイン画面のデモ用確認コード. The server finds this factory on
 * its class path; everything but the generator (which the {@code generate} command uses) is built only with
 * {@code madoguchi.demo.enabled}, so a production start has no demo account, no demo card and no code on its login page.
 */
@Factory
public class DemoFactory {

    @Singleton
    GenerateSyntheticResidentsUseCase generateSyntheticResidents(LinkageFileWriter writer) {
        return new GenerateSyntheticResidentsService(writer);
    }

    /** The synthetic population of the demo: the same every start, so the demo card always finds its holder. */
    @Singleton
    @Requires(property = "madoguchi.demo.enabled", value = "true")
    DemoPopulation demoPopulation(Installation installation,
                                  @Property(name = "madoguchi.city.prefecture", defaultValue = "見本県") String prefecture,
                                  @Property(name = "madoguchi.demo.seed", defaultValue = "20261122") long seed,
                                  @Property(name = "madoguchi.demo.as-of", defaultValue = "2026-04-01") String asOf) {
        return new DemoPopulation(new Population(installation.city(), prefecture, installation.cityName(), seed,
                LocalDate.parse(asOf)));
    }

    /**
     * Demo accounts: 窓口 (clerk), 個人番号利用事務 (mynumber), 統計 (supervisor), 管理 (administrator) and 監査 (auditor), all with the demo
     * password; the administrator and the auditor with the demo's published second-factor secret.
     */
    @Singleton
    @Requires(property = "madoguchi.demo.enabled", value = "true")
    PrepareDemoUseCase prepareDemo(ResidentReplica replica, GenerateSyntheticResidentsUseCase generator,
                                   ImportLinkageFilesUseCase importer, RegisterStaffAccountUseCase staff,
                                   DemoPopulation population, Installation installation,
                                   @Property(name = "madoguchi.data-dir", defaultValue = "data") String dataDir,
                                   @Property(name = "madoguchi.demo.residents", defaultValue = "2000") int residents,
                                   @Property(name = "madoguchi.demo.password", defaultValue = "madoguchi-demo") String password,
                                   @Property(name = "madoguchi.demo.second-factor-secret") String secondFactor) {
        var city = installation.city();
        return new PrepareDemoService(replica, generator, importer, staff, population.settings(), residents,
                Path.of(dataDir).toAbsolutePath().resolve("linkage").resolve("demo"), List.of(
                new RegisterStaffCommand(city, "clerk", "窓口 一郎", password, Set.of("CLERK")),
                new RegisterStaffCommand(city, "supervisor", "統計 花子", password, Set.of("SUPERVISOR")),
                new RegisterStaffCommand(city, "mynumber", "番号 四郎", password, Set.of("NUMBER_CLERK"), secondFactor),
                new RegisterStaffCommand(city, "admin", "管理 次郎", password,
                        Set.of("ADMINISTRATOR", "SUPERVISOR", "CLERK"), secondFactor),
                new RegisterStaffCommand(city, "auditor", "監査 三郎", password, Set.of("AUDITOR"), secondFactor)));
    }

    /**
     * The demo card on the server's simulated reader ({@code madoguchi.card-reader: simulator}, the demo's default):
     * the first household head of the demo population with an exact birth date. PIN {@code madoguchi.card-simulator.pin}.
     */
    @Singleton
    @Requires(property = "madoguchi.demo.enabled", value = "true")
    @Requires(property = "madoguchi.card-reader", value = "simulator", defaultValue = "simulator")
    SimulatedCardTerminal demoCard(DemoPopulation population,
                                   @Property(name = "madoguchi.card-simulator.pin", defaultValue = "1234") String pin) {
        return DemoCard.terminal(population.settings(), pin);
    }

    /** The demo's second-factor code for its login page; nothing when there is no published secret. */
    @Singleton
    @Requires(property = "madoguchi.demo.enabled", value = "true")
    DemoSecondFactorUseCase demoSecondFactor(OneTimePasswords oneTimePasswords, Clock clock,
            @Property(name = "madoguchi.demo.second-factor-secret", defaultValue = "") String secret) {
        return () -> secret.isBlank() ? Optional.empty() : Optional.of(oneTimePasswords.currentCode(secret, clock.instant()));
    }

    /** The demo population's settings, one bean so the loader and the card agree. */
    public record DemoPopulation(Population settings) {
    }
}
