package jp.madoguchi.staff.config;

import java.time.Clock;
import java.time.Duration;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.CallStaffUseCase;
import jp.madoguchi.application.port.in.CheckLanguagesUseCase;
import jp.madoguchi.application.port.in.PageTextsUseCase;
import jp.madoguchi.application.port.in.ManageTerminalsUseCase;
import jp.madoguchi.application.port.in.VisitLanguageUseCase;
import jp.madoguchi.application.port.out.CitizenTexts;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.KioskHelpCalls;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.StaffTexts;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.OneTimePasswords;
import jp.madoguchi.application.port.out.PairedTerminals;
import jp.madoguchi.application.port.out.PasswordHashes;
import jp.madoguchi.application.port.out.StaffAccounts;
import jp.madoguchi.application.port.out.StaffRoles;
import jp.madoguchi.application.port.out.StaffSessions;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.application.port.out.VisitLanguages;
import jp.madoguchi.application.service.CallStaffService;
import jp.madoguchi.application.service.CheckLanguagesService;
import jp.madoguchi.application.service.PageTextsService;
import jp.madoguchi.application.service.LoginPolicy;
import jp.madoguchi.application.service.ManageTerminalsService;
import jp.madoguchi.application.service.StaffAdministrationService;
import jp.madoguchi.application.service.StaffLoginService;
import jp.madoguchi.application.service.VisitLanguageService;

/**
 * 職員: ログイン、職員と役割の管理、端末の登録。
 * Services are built with {@code new}, so the application module stays free of annotations
 * (ddd-by-examples/library's configuration style); each bean is built only when a driving adapter asks.
 */
@Factory
public class StaffFactory {

    @Singleton
    StaffLoginService staffLogin(StaffAccounts accounts, StaffRoles roles, PasswordHashes hashes,
                                 OneTimePasswords oneTimePasswords, TwoDimensionalCodes codes, AuditTrail trail,
                                 Transactions transactions, StaffSessions sessions, Clock clock,
                                 MadoguchiSettings settings,
                                 @Property(name = "madoguchi.security.lockout.failures", defaultValue = "5") int failures,
                                 @Property(name = "madoguchi.security.session-lifetime", defaultValue = "10h")
                                 Duration lifetime,
                                 @Property(name = "madoguchi.security.lockout.duration", defaultValue = "15m") Duration lock,
                                 @Property(name = "madoguchi.security.second-factor.everyone", defaultValue = "false")
                                 boolean everyone) {
        return new StaffLoginService(accounts, roles, hashes, oneTimePasswords, codes, trail, transactions, sessions, clock,
                settings.city(),
                new LoginPolicy(failures, lock, everyone, "書かない窓口 " + settings.cityName(), lifetime));
    }

    @Singleton
    StaffAdministrationService staffAdministration(StaffAccounts accounts, StaffRoles roles, PasswordHashes hashes,
                                                   AuditTrail trail, Transactions transactions, StaffSessions sessions,
                                                   Clock clock) {
        return new StaffAdministrationService(accounts, roles, hashes, trail, transactions, sessions, clock);
    }

    @Singleton
    CallStaffUseCase callStaff(KioskHelpCalls calls, PairedTerminals terminals, Clock clock) {
        return new CallStaffService(calls, terminals, clock);
    }

    @Singleton
    ManageTerminalsUseCase manageTerminals(PairedTerminals terminals, AuditTrail trail, Transactions transactions, Clock clock) {
        return new ManageTerminalsService(terminals, trail, transactions, clock);
    }

    @Singleton
    VisitLanguageUseCase visitLanguage(VisitLanguages languages) {
        return new VisitLanguageService(languages);
    }

    @Singleton
    CheckLanguagesUseCase checkLanguages(CitizenTexts texts, FormCatalogue forms, ProcedureCatalogue procedures,
                                         GuidanceCatalogue guidance) {
        return new CheckLanguagesService(texts, forms, procedures, guidance);
    }

    @Singleton
    PageTextsUseCase pageTexts(CitizenTexts texts, StaffTexts staff, GuidanceCatalogue guidance) {
        return new PageTextsService(texts, staff, guidance);
    }
}
