package jp.madoguchi.staff.config;

import java.nio.file.Path;

import io.micronaut.context.annotation.Property;
import java.util.List;
import java.time.Duration;
import jp.madoguchi.application.port.out.AuditTrailQuery;
import jp.madoguchi.application.port.out.OneTimePasswords;
import jp.madoguchi.application.port.out.StaffSessions;
import jp.madoguchi.application.port.out.StaffAccounts;
import jp.madoguchi.application.service.RevealIndividualNumberService;
import jp.madoguchi.adapters.export.FolderReports;
import jp.madoguchi.application.port.in.RevealIndividualNumberUseCase;
import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import jp.madoguchi.application.port.in.AdvanceReceptionUseCase;
import jp.madoguchi.application.port.in.ConfirmIdentityUseCase;
import jp.madoguchi.application.port.in.FindReceptionsUseCase;
import jp.madoguchi.application.port.in.IdentifyResidentByCardUseCase;
import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase;
import jp.madoguchi.application.port.in.ListProceduresUseCase;
import jp.madoguchi.application.port.in.HoldKioskVisitUseCase;
import jp.madoguchi.application.port.in.KioskHearingUseCase;
import jp.madoguchi.application.port.in.PreEntryUseCase;
import jp.madoguchi.application.port.in.ReadTwoDimensionalCodeUseCase;
import jp.madoguchi.application.port.in.SearchResidentsUseCase;
import jp.madoguchi.application.port.in.StartMoveInUseCase;
import jp.madoguchi.application.port.in.StartReceptionUseCase;
import jp.madoguchi.application.port.out.AuditTrail;
import jp.madoguchi.application.port.out.StatisticsReportRenderer;
import jp.madoguchi.application.port.out.OperationReportQuery;
import jp.madoguchi.application.port.in.OpeningHours;
import jp.madoguchi.application.port.in.ShowOperationReportUseCase;
import jp.madoguchi.application.service.ShowOperationReportService;
import jp.madoguchi.application.port.out.VisitStatisticsQuery;
import jp.madoguchi.application.port.out.KioskVisitStore;
import jp.madoguchi.application.port.out.MoveIns;
import jp.madoguchi.application.port.out.MoveOutCertificateCodes;
import jp.madoguchi.application.port.out.MoveOutCertificates;
import jp.madoguchi.application.port.out.PreEntries;
import jp.madoguchi.application.port.out.PreEntryAnswerSeals;
import jp.madoguchi.application.port.out.ProcedureCatalogue;
import jp.madoguchi.application.port.out.Receptions;
import jp.madoguchi.application.port.out.ResidentRegistry;
import jp.madoguchi.application.port.out.TerminalCardChannel;
import jp.madoguchi.application.port.out.Transactions;
import jp.madoguchi.application.port.out.CallQueue;
import jp.madoguchi.application.port.out.DocumentPrinter;
import jp.madoguchi.application.port.out.Municipalities;
import jp.madoguchi.application.port.out.SlipRenderer;
import jp.madoguchi.application.port.out.GuidanceCatalogue;
import jp.madoguchi.application.port.out.CitizenTexts;
import jp.madoguchi.application.port.out.VisitLanguages;
import jp.madoguchi.application.port.out.ServiceCounters;
import jp.madoguchi.application.port.out.TwoDimensionalCodes;
import jp.madoguchi.application.port.out.UnconfirmedCards;
import jp.madoguchi.application.service.AdvanceReceptionService;
import jp.madoguchi.application.service.CallVisitorsService;
import jp.madoguchi.application.service.ConfirmIdentityService;
import jp.madoguchi.application.service.FindReceptionsService;
import jp.madoguchi.application.service.IdentifyResidentByCardService;
import jp.madoguchi.application.service.IssueReceptionSlipService;
import jp.madoguchi.application.service.ListProceduresService;
import jp.madoguchi.application.service.KioskVisitService;
import jp.madoguchi.application.service.PreEntryService;
import jp.madoguchi.application.service.ReadTwoDimensionalCodeService;
import jp.madoguchi.application.service.SearchResidentsService;
import jp.madoguchi.application.service.ShowStatisticsService;
import jp.madoguchi.application.service.StartMoveInService;
import jp.madoguchi.application.service.StartReceptionService;
import jp.madoguchi.domain.calendar.EraTable;

/**
 * 窓口の受付: 受付の開始・事前入力・本人確認・転入・手順・完了・受付票・一覧・住民検索・日次統計。
 * Services are built with {@code new}, so the application module stays free of annotations
 * (ddd-by-examples/library's configuration style); each bean is built only when a driving adapter asks.
 */
@Factory
public class ReceptionFactory {

    @Singleton
    HoldKioskVisitUseCase kioskVisits(KioskVisitStore store, Clock clock) {
        return new KioskVisitService(store, clock);
    }

    @Singleton
    StartReceptionUseCase startReception(Receptions receptions, ProcedureCatalogue catalogue, ResidentRegistry registry,
                                         UnconfirmedCards unconfirmedCards, Transactions transactions, Clock clock) {
        return new StartReceptionService(receptions, catalogue, registry, unconfirmedCards, transactions, clock);
    }

    @Singleton
    ReadTwoDimensionalCodeUseCase readTwoDimensionalCode(TwoDimensionalCodes codes) {
        return new ReadTwoDimensionalCodeService(codes);
    }

    @Singleton
    PreEntryUseCase preEntry(PreEntries preEntries, ProcedureCatalogue catalogue, TwoDimensionalCodes codes,
                             StartReceptionUseCase start, Receptions receptions, KioskHearingUseCase hearing,
                             PreEntryAnswerSeals seals, Transactions transactions, Clock clock) {
        return new PreEntryService(preEntries, catalogue, codes, start, receptions, hearing, seals, transactions, clock);
    }

    @Singleton
    ConfirmIdentityUseCase confirmIdentity(Receptions receptions, ResidentRegistry registry, UnconfirmedCards unconfirmedCards,
                                           Transactions transactions, Clock clock, EraTable eras) {
        return new ConfirmIdentityService(receptions, registry, unconfirmedCards, transactions, clock, eras);
    }

    @Singleton
    StartMoveInUseCase startMoveIn(MoveOutCertificates certificates, MoveOutCertificateCodes certificateCodes,
                                   TwoDimensionalCodes codes, MoveIns moveIns, StartReceptionUseCase receptions,
                                   Receptions stored, Transactions transactions, EraTable eras, Clock clock) {
        return new StartMoveInService(certificates, certificateCodes, codes, moveIns, receptions, stored, transactions, eras, clock);
    }

    @Singleton
    IdentifyResidentByCardUseCase identifyByCard(TerminalCardChannel terminals, SearchResidentsUseCase search,
                                                 EraTable eras) {
        return new IdentifyResidentByCardService(terminals, search, eras);
    }

    @Singleton
    FindReceptionsUseCase findReceptions(Receptions receptions, ResidentRegistry registry, MoveIns moveIns,
                                         UnconfirmedCards unconfirmedCards, SearchResidentsUseCase search, EraTable eras,
                                         Clock clock) {
        return new FindReceptionsService(receptions, registry, moveIns, unconfirmedCards, search, eras, clock);
    }

    @Singleton
    AdvanceReceptionUseCase advanceReception(Receptions receptions, ProcedureCatalogue catalogue, Clock clock) {
        return new AdvanceReceptionService(receptions, catalogue, clock);
    }

    @Singleton
    ShowOperationReportUseCase operationReport(OperationReportQuery query, StatisticsReportRenderer renderer,
                                               MadoguchiSettings settings, Clock clock,
                                               @Property(name = "madoguchi.opening-hours", defaultValue = "08:30-17:15") String hours) {
        return new ShowOperationReportService(query, renderer, OpeningHours.parse(hours), settings.cityName(), clock);
    }

    @Singleton
    ShowStatisticsService statistics(VisitStatisticsQuery query, StatisticsReportRenderer renderer,
                                     MadoguchiSettings settings, Clock clock,
                                     @Property(name = "madoguchi.statistics.report-folder", defaultValue = "") String folder) {
        // 日報 go to the folder the city sets, or beside the data like the backups
        return new ShowStatisticsService(query, renderer, new FolderReports(folder.isBlank()
                ? settings.dataDir().resolve("reports") : Path.of(folder)), settings.cityName(), clock);
    }

    /** 呼出 and 窓口の設定: one service behind both use cases. */
    @Singleton
    CallVisitorsService callVisitors(Receptions receptions, CallQueue queue, ServiceCounters counters,
                                     ProcedureCatalogue catalogue, Transactions transactions, Clock clock) {
        return new CallVisitorsService(receptions, queue, counters, catalogue, transactions, clock);
    }

    @Singleton
    ListProceduresUseCase listProcedures(ProcedureCatalogue catalogue) {
        return new ListProceduresService(catalogue);
    }

    @Singleton
    IssueReceptionSlipUseCase receptionSlip(Receptions receptions, TwoDimensionalCodes codes, CallQueue queue,
            ServiceCounters counters, SlipRenderer renderer, DocumentPrinter printer, Municipalities municipalities,
            @Property(name = "madoguchi.kiosk.slip.minutes-per-visit", defaultValue = "5") int minutesPerVisit,
            Clock clock, VisitLanguages languages, CitizenTexts texts, GuidanceCatalogue guidance) {
        return new IssueReceptionSlipService(receptions, codes, queue, counters, renderer, printer, municipalities,
                java.time.Duration.ofMinutes(minutesPerVisit), clock, languages, texts, guidance);
    }

    @Singleton
    RevealIndividualNumberUseCase revealIndividualNumber(ResidentRegistry registry, Receptions receptions,
            StaffAccounts accounts, StaffSessions sessions, OneTimePasswords oneTimePasswords, AuditTrail trail,
            AuditTrailQuery history, Clock clock,
            @Property(name = "madoguchi.individual-number.purposes") List<String> purposes,
            @Property(name = "madoguchi.individual-number.second-factor-age", defaultValue = "15m") Duration secondFactorAge,
            @Property(name = "madoguchi.individual-number.reveals-per-hour", defaultValue = "20") int perHour,
            @Property(name = "madoguchi.individual-number.alert-per-day", defaultValue = "50") int alertPerDay) {
        return new RevealIndividualNumberService(registry, receptions, accounts, sessions, oneTimePasswords, trail, history,
                new RevealIndividualNumberService.RevealPolicy(purposes, secondFactorAge, perHour, alertPerDay), clock);
    }

    @Singleton
    SearchResidentsUseCase searchResidents(ResidentRegistry registry, AuditTrail trail, Clock clock) {
        return new SearchResidentsService(registry, trail, clock);
    }
}
