package jp.madoguchi.staff.config;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.DemoSecondFactorUseCase;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase;
import jp.madoguchi.application.port.in.PrepareDemoUseCase;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase.RegisterStaffCommand;
import jp.madoguchi.application.port.out.LinkageFileWriter;
import jp.madoguchi.application.port.out.OneTimePasswords;
import jp.madoguchi.application.port.out.ResidentReplica;
import jp.madoguchi.application.service.GenerateSyntheticResidentsService;
import jp.madoguchi.application.service.PrepareDemoService;
import jp.madoguchi.application.service.StaffAdministrationService;

/**
 * デモ: 合成住民の生成、デモの住民と職員、ログイン画面のデモ用確認コード（デモを切ると何も出さない）。
 * Services are built with {@code new}, so the application module stays free of annotations
 * (ddd-by-examples/library's configuration style); each bean is built only when a driving adapter asks.
 */
@Factory
public class DemoFactory {

    @Singleton
    GenerateSyntheticResidentsUseCase generateSyntheticResidents(LinkageFileWriter writer) {
        return new GenerateSyntheticResidentsService(writer);
    }

    /**
     * Demo accounts: 窓口 (clerk), 個人番号利用事務 (mynumber), 統計 (supervisor), 管理 (administrator) and 監査 (auditor), all with the demo
     * password; the administrator and the auditor with the demo's published second-factor secret.
     */
    @Singleton
    PrepareDemoUseCase prepareDemo(ResidentReplica replica, GenerateSyntheticResidentsUseCase generator,
                                   ImportLinkageFilesUseCase importer, StaffAdministrationService staff,
                                   MadoguchiSettings settings,
                                   @Property(name = "madoguchi.demo.residents", defaultValue = "2000") int residents,
                                   @Property(name = "madoguchi.demo.password", defaultValue = "madoguchi-demo") String password,
                                   @Property(name = "madoguchi.demo.second-factor-secret") String secondFactor) {
        return new PrepareDemoService(replica, generator, importer, staff, settings.demoPopulation(), residents,
                settings.dataDir().resolve("linkage").resolve("demo"), List.of(
                new RegisterStaffCommand(settings.city(), "clerk", "窓口 一郎", password, Set.of("CLERK")),
                new RegisterStaffCommand(settings.city(), "supervisor", "統計 花子", password, Set.of("SUPERVISOR")),
                new RegisterStaffCommand(settings.city(), "mynumber", "番号 四郎", password, Set.of("NUMBER_CLERK")),
                new RegisterStaffCommand(settings.city(), "admin", "管理 次郎", password,
                        Set.of("ADMINISTRATOR", "SUPERVISOR", "CLERK"), secondFactor),
                new RegisterStaffCommand(settings.city(), "auditor", "監査 三郎", password, Set.of("AUDITOR"), secondFactor)));
    }

    /** The demo's second-factor code for its login page; nothing when the demo is off or has no published secret. */
    @Singleton
    DemoSecondFactorUseCase demoSecondFactor(OneTimePasswords oneTimePasswords, Clock clock,
            @Property(name = "madoguchi.demo.enabled", defaultValue = "false") boolean demo,
            @Property(name = "madoguchi.demo.second-factor-secret", defaultValue = "") String secret) {
        return () -> demo && !secret.isBlank()
                ? java.util.Optional.of(oneTimePasswords.currentCode(secret, clock.instant()))
                : java.util.Optional.empty();
    }
}
