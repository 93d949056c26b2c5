package jp.madoguchi.adapters.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Set;

import io.micronaut.context.annotation.Property;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.AdvanceReceptionUseCase;
import jp.madoguchi.application.port.in.ImportLinkageFilesUseCase;
import jp.madoguchi.application.port.in.PurgeExpiredRecordsUseCase;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.application.port.in.ShowImportHistoryUseCase;
import jp.madoguchi.application.port.out.ImportHistory;
import jp.madoguchi.application.port.out.LinkageSources;
import jp.madoguchi.application.port.out.ReplicaLoader;
import jp.madoguchi.application.port.out.ReplicaRetention;
import jp.madoguchi.application.service.ImportLinkageFilesService;
import jp.madoguchi.application.service.PurgeExpiredRecordsService;
import jp.madoguchi.application.service.SearchResidentsService;
import jp.madoguchi.application.service.ShowImportHistoryService;
import jp.madoguchi.application.port.in.CompleteReceptionUseCase;
import jp.madoguchi.application.port.in.FindReceptionsUseCase;
import jp.madoguchi.application.port.in.GenerateSyntheticResidentsUseCase;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase;
import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.PrepareDemoUseCase;
import jp.madoguchi.application.port.in.RegisterStaffAccountUseCase.RegisterStaffCommand;
import jp.madoguchi.application.port.in.ShowDailyStatisticsUseCase;
import jp.madoguchi.application.port.in.StartReceptionUseCase;
import jp.madoguchi.application.port.out.BackOfficeExport;
import jp.madoguchi.application.port.out.DailyStatisticsQuery;
import jp.madoguchi.application.port.out.LinkageFileWriter;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.TerminalCardChannel;
import jp.madoguchi.application.port.out.MoveOutCertificates;
import jp.madoguchi.application.port.in.StartMoveInUseCase;
import jp.madoguchi.application.port.in.ManageTerminalsUseCase;
import jp.madoguchi.application.port.out.PairedTerminals;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.in.VerifyAuditTrailUseCase;
import jp.madoguchi.application.port.in.MaintainAuditTrailUseCase;
import jp.madoguchi.application.service.MaintainAuditTrailService;
import jp.madoguchi.application.port.out.PreEntries;
import jp.madoguchi.application.port.in.PreEntryUseCase;
import jp.madoguchi.application.service.PreEntryService;
import jp.madoguchi.application.port.out.UnconfirmedCards;
import jp.madoguchi.application.port.in.ConfirmIdentityUseCase;
import jp.madoguchi.application.service.ConfirmIdentityService;
import jp.madoguchi.application.service.ManageTerminalsService;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.MoveOutCertificateCodes;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.application.service.StartMoveInService;
import jp.madoguchi.application.port.out.AuditTrailQuery;
import jp.madoguchi.application.port.out.OneTimePasswords;
import jp.madoguchi.application.port.out.PasswordHashes;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.ResidentReplica;
import jp.madoguchi.application.port.out.StaffAccounts;
import jp.madoguchi.application.port.out.StaffRoles;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.application.service.AdvanceReceptionService;
import jp.madoguchi.application.service.CompleteReceptionService;
import jp.madoguchi.application.service.FindReceptionsService;
import jp.madoguchi.application.service.GenerateSyntheticResidentsService;
import jp.madoguchi.application.service.IdentifyResidentByCardService;
import jp.madoguchi.application.service.IssueReceptionSlipService;
import jp.madoguchi.application.service.ListProceduresService;
import jp.madoguchi.application.service.PrepareDemoService;
import jp.madoguchi.application.port.in.DesignFormsUseCase;
import jp.madoguchi.application.port.out.DocumentPrinter;
import jp.madoguchi.application.port.out.FilledFormRenderer;
import jp.madoguchi.application.port.out.FormCatalogue;
import jp.madoguchi.application.port.out.FormDefinitions;
import jp.madoguchi.application.port.out.ReceptionPaperwork;
import jp.madoguchi.application.service.DesignFormsService;
import jp.madoguchi.application.service.FormsAtCounterService;
import jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase;
import jp.madoguchi.application.port.in.ManageProcedureRulesUseCase;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.GuidanceSheetRenderer;
import jp.madoguchi.application.port.out.ProcedureRuleSeeds;
import jp.madoguchi.application.port.out.ProcedureRules;
import jp.madoguchi.application.port.out.RelatedProcedureLists;
import jp.madoguchi.application.service.DetermineRelatedProceduresService;
import jp.madoguchi.application.service.ManageProcedureRulesService;
import jp.madoguchi.application.service.ShowDailyStatisticsService;
import jp.madoguchi.application.service.LoginPolicy;
import jp.madoguchi.application.service.ReadAuditTrailService;
import jp.madoguchi.application.service.StaffAdministrationService;
import jp.madoguchi.application.service.StaffLoginService;
import jp.madoguchi.application.service.StartReceptionService;

/**
 * Builds the application services with {@code new}, so the application module stays free of annotations
 * (ddd-by-examples/library's configuration style). Each bean is built only when a driving adapter asks.
 */
@Factory
public class UseCaseFactory {

    @Singleton
    StartReceptionUseCase startReception(Receptions receptions, ProcedureCatalogue catalogue, ResidentRegistry registry,
                                         UnconfirmedCards unconfirmedCards, Transactions transactions, Clock clock) {
        return new StartReceptionService(receptions, catalogue, registry, unconfirmedCards, transactions, clock);
    }

    @Singleton
    PreEntryUseCase preEntry(PreEntries preEntries, ProcedureCatalogue catalogue, TwoDimensionalCodes codes,
                             StartReceptionUseCase receptions, Clock clock) {
        return new PreEntryService(preEntries, catalogue, codes, receptions, clock);
    }

    @Singleton
    VerifyAuditTrailUseCase verifyAuditTrail(AuditTrail trail) {
        return trail::verify;
    }

    /** アクセス記録の保存期間 {@code madoguchi.audit.retention} (ISO 8601 period, default P5Y, at least P1Y). */
    @Singleton
    MaintainAuditTrailUseCase maintainAuditTrail(AuditTrail trail, MadoguchiSettings settings, Clock clock,
                                                 @Property(name = "madoguchi.audit.retention", defaultValue = "P5Y") String retention) {
        return new MaintainAuditTrailService(trail, Period.parse(retention), settings.city(), clock);
    }

    @Singleton
    ConfirmIdentityUseCase confirmIdentity(Receptions receptions, ResidentRegistry registry, UnconfirmedCards unconfirmedCards,
                                           Transactions transactions, Clock clock) {
        return new ConfirmIdentityService(receptions, registry, unconfirmedCards, transactions, clock);
    }

    @Singleton
    StartMoveInUseCase startMoveIn(MoveOutCertificates certificates, MoveOutCertificateCodes certificateCodes,
                                   TwoDimensionalCodes codes, MoveIns moveIns, StartReceptionUseCase receptions) {
        return new StartMoveInService(certificates, certificateCodes, codes, moveIns, receptions);
    }

    @Singleton
    IdentifyResidentByCardUseCase identifyByCard(TerminalCardChannel terminals, SearchResidentsUseCase search) {
        return new IdentifyResidentByCardService(terminals, search);
    }

    @Singleton
    ManageTerminalsUseCase manageTerminals(PairedTerminals terminals, AuditTrail trail, Clock clock) {
        return new ManageTerminalsService(terminals, trail, clock);
    }

    @Singleton
    SearchResidentsUseCase searchResidents(ResidentRegistry registry, AuditTrail trail, Clock clock) {
        return new SearchResidentsService(registry, trail, clock);
    }

    @Singleton
    ImportLinkageFilesUseCase importLinkageFiles(LinkageSources sources, ReplicaLoader loader, AuditTrail trail, Clock clock) {
        return new ImportLinkageFilesService(sources, loader, trail, clock);
    }

    @Singleton
    ShowImportHistoryUseCase importHistory(ImportHistory history) {
        return new ShowImportHistoryService(history);
    }

    /** 除票の保存期間 {@code madoguchi.linkage.retention} (ISO 8601 period, default P5Y). */
    @Singleton
    PurgeExpiredRecordsUseCase purgeExpiredRecords(ReplicaRetention retention, Clock clock,
                                                   @Property(name = "madoguchi.linkage.retention", defaultValue = "P5Y") String period) {
        return new PurgeExpiredRecordsService(retention, Period.parse(period), clock);
    }

    @Singleton
    FindReceptionsUseCase findReceptions(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
                                         UnconfirmedCards unconfirmedCards, SearchResidentsUseCase search, Clock clock) {
        return new FindReceptionsService(receptions, registry, moveIns, unconfirmedCards, search, clock);
    }

    @Singleton
    AdvanceReceptionUseCase advanceReception(Receptions receptions, ProcedureCatalogue catalogue, Clock clock) {
        return new AdvanceReceptionService(receptions, catalogue, clock);
    }

    @Singleton
    DetermineRelatedProceduresUseCase determineRelatedProcedures(Receptions receptions, ResidentRegistry registry,
            MoveIns moveIns, ProcedureRules rules, RelatedProcedureLists lists, GuidanceCatalogue guidance,
            ProcedureCatalogue procedures, GuidanceSheetRenderer renderer, Municipalities municipalities,
            AuditTrail trail, Clock clock) {
        return new DetermineRelatedProceduresService(receptions, registry, moveIns, rules, lists, guidance, procedures,
                renderer, municipalities, trail, clock);
    }

    @Singleton
    ManageProcedureRulesUseCase manageProcedureRules(ProcedureRules rules, ProcedureRuleSeeds seeds,
            ProcedureCatalogue procedures, GuidanceCatalogue guidance, ResidentRegistry registry, AuditTrail trail,
            Clock clock) {
        return new ManageProcedureRulesService(rules, seeds, procedures, guidance, registry, trail, clock);
    }

    /** One service for the 様式 page and the visit's 申請書 step: the same forms, filled the same way. */
    @Singleton
    FormsAtCounterService formsAtCounter(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
            FormCatalogue catalogue, FormDefinitions definitions, ReceptionPaperwork paperwork,
            FilledFormRenderer renderer, DocumentPrinter printer, Municipalities municipalities, AuditTrail trail,
            Transactions transactions, Clock clock) {
        return new FormsAtCounterService(receptions, registry, moveIns, catalogue, definitions, paperwork, renderer,
                printer, municipalities, trail, transactions, clock);
    }

    @Singleton
    DesignFormsUseCase designForms(FormCatalogue catalogue, FormDefinitions definitions, FilledFormRenderer renderer,
            AuditTrail trail, Clock clock) {
        return new DesignFormsService(catalogue, definitions, renderer, trail, clock);
    }

    @Singleton
    CompleteReceptionUseCase completeReception(Receptions receptions, ResidentRegistry registry, BackOfficeExport export,
                                               AuditTrail trail, Transactions transactions, Clock clock) {
        return new CompleteReceptionService(receptions, registry, export, trail, transactions, clock);
    }

    @Singleton
    ShowDailyStatisticsUseCase dailyStatistics(DailyStatisticsQuery query, Clock clock) {
        return new ShowDailyStatisticsService(query, clock);
    }

    @Singleton
    ListProceduresUseCase listProcedures(ProcedureCatalogue catalogue) {
        return new ListProceduresService(catalogue);
    }

    @Singleton
    IssueReceptionSlipUseCase receptionSlip(Receptions receptions, TwoDimensionalCodes codes) {
        return new IssueReceptionSlipService(receptions, codes);
    }

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

    @Singleton
    StaffLoginService staffLogin(StaffAccounts accounts, StaffRoles roles, PasswordHashes hashes,
                                 OneTimePasswords oneTimePasswords, AuditTrail trail, Clock clock, MadoguchiSettings settings,
                                 @Property(name = "madoguchi.security.lockout.failures", defaultValue = "5") int failures,
                                 @Property(name = "madoguchi.security.lockout.duration", defaultValue = "15m") Duration lock,
                                 @Property(name = "madoguchi.security.second-factor.everyone", defaultValue = "false")
                                 boolean everyone) {
        return new StaffLoginService(accounts, roles, hashes, oneTimePasswords, trail, clock, settings.city(),
                new LoginPolicy(failures, lock, everyone, "書かない窓口 " + settings.cityName()));
    }

    @Singleton
    ReadAuditTrailService readAuditTrail(AuditTrailQuery query, AuditTrail trail, Clock clock) {
        return new ReadAuditTrailService(query, trail, clock);
    }

    @Singleton
    StaffAdministrationService staffAdministration(StaffAccounts accounts, StaffRoles roles, PasswordHashes hashes,
                                                   AuditTrail trail, Clock clock) {
        return new StaffAdministrationService(accounts, roles, hashes, trail, clock);
    }
}
